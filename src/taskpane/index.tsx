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

/** The file host (and the reader it brings): loaded for file mode only, never with Excel's pane. */
function loadFileHost() {
  return import(/* webpackChunkName: "file-host" */ "../file/browser-file-host");
}

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <Startup
      officeReady={whenOfficeReady()}
      createExcelHost={createExcelHost}
      openWorkbook={async (file) => {
        const { openWorkbookFile } = await loadFileHost();
        return openWorkbookFile(file, browserStorage());
      }}
      prepareFiles={() => void loadFileHost()}
    />
  );
}
