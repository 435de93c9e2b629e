import { createRoot } from "react-dom/client";
import { createExcelHost } from "../excel/excel-host";
import { whenOfficeReady } from "../excel/office-boot";
import { Startup } from "./Startup";

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <Startup
      officeReady={whenOfficeReady()}
      createExcelHost={createExcelHost}
      openWorkbook={async (file) => {
        // The file host (and the reader it brings) loads only when a file is opened, not with the pane.
        const { openWorkbookFile } = await import(
          /* webpackChunkName: "file-host" */ "../file/browser-file-host"
        );
        return openWorkbookFile(file, browserStorage());
      }}
    />
  );
}
