import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import { FileMode } from "../../src/taskpane/FileMode";
import { EngineStarter } from "../../src/taskpane/engine/engine-session";
import type { EnginePort } from "../../src/taskpane/engine/protocol";
import { FakeHost } from "./fake-host";

/**
 * The pane in file mode, as the page shows it outside Excel, over the engine `start` gives: each
 * workbook opened becomes a host named by its file, and its name is added to `opened`.
 */
export function renderFileMode(start: () => EnginePort, opened: string[] = []): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <FileMode
        openWorkbook={async (file) => {
          opened.push(file.name);
          const host = new FakeHost([], "file");
          host.label = file.name;
          return host;
        }}
        engine={new EngineStarter(true, start)}
      />
    </FluentProvider>
  );
}
