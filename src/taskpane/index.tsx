import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createExcelHost } from "../excel/excel-host";
import { whenOfficeReady } from "../excel/office-boot";
import { CheckerView } from "./App";
import { FileMode } from "./FileMode";

/** How long to wait for Office before running as a plain page on a file. */
const OFFICE_TIMEOUT_MS = 5000;

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  const office = await whenOfficeReady(OFFICE_TIMEOUT_MS);
  const container = document.getElementById("container");
  if (!container) return;
  const root = createRoot(container);
  if (office.host === "Excel") {
    root.render(
      <FluentProvider theme={office.dark ? webDarkTheme : webLightTheme}>
        <CheckerView host={createExcelHost()} />
      </FluentProvider>
    );
    return;
  }
  root.render(
    <FluentProvider theme={webLightTheme}>
      <FileMode
        openWorkbook={async (file, password) => {
          // The file host brings the reader: it loads only when a file is opened, not with the pane.
          const { openWorkbookFile } = await import(
            /* webpackChunkName: "file-host" */ "../file/browser-file-host"
          );
          return openWorkbookFile(file, browserStorage(), { password });
        }}
      />
    </FluentProvider>
  );
}

void start();
