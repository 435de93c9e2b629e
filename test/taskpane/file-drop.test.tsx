/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, fireEvent, render, screen } from "@testing-library/react";
import { RIVERBEND_SHEETS } from "../../examples/riverbend";
import { FileMode } from "../../src/taskpane/FileMode";
import { EngineService } from "../../src/taskpane/engine/engine-service";
import { EngineStarter } from "../../src/taskpane/engine/engine-session";
import type { EnginePort, EngineRequest, EngineResponse } from "../../src/taskpane/engine/protocol";
import { FakeHost, gridsFromSpecs } from "../helpers/fake-host";

configure({ asyncUtilTimeout: 10_000 });

beforeAll(() => {
  Object.defineProperty(window, "innerHeight", { configurable: true, value: 4000 });
});

/** The real engine over the Riverbend example's sheets; a check waits until `release` is called. */
function heldEngine() {
  const held: (() => void)[] = [];
  const start = (): EnginePort => {
    const port: EnginePort = {
      onmessage: null,
      onerror: null,
      postMessage(request: EngineRequest) {
        const run = () => {
          if (request.type === "check" && request.source.kind === "file") {
            const read = { grids: gridsFromSpecs(RIVERBEND_SHEETS), ownSheets: [], notes: [] };
            void service.handle({ ...request, source: { kind: "read", read } });
          } else void service.handle(request);
        };
        held.push(run);
      },
      terminate() {},
    };
    const service = new EngineService((response: EngineResponse) =>
      port.onmessage?.({ data: response } as MessageEvent<EngineResponse>)
    );
    return port;
  };
  return {
    starter: new EngineStarter(true, start),
    release: () => held.splice(0).forEach((run) => setTimeout(run, 0)),
  };
}

const workbook = (name: string) => new File([new Uint8Array([80, 75, 3, 4])], name);

/** A drag carrying one file, as the browser hands it to the page. */
const carrying = (file: File) => ({ dataTransfer: { files: [file], dropEffect: "" } });

describe("file mode: dropping a workbook", () => {
  it("opens a dropped workbook; while a check runs the pointer says a drop is not taken", async () => {
    const engine = heldEngine();
    const opened: string[] = [];
    render(
      <FluentProvider theme={webLightTheme}>
        <FileMode
          openWorkbook={async (file) => {
            opened.push(file.name);
            const host = new FakeHost([], "file");
            host.label = file.name;
            return host;
          }}
          engine={engine.starter}
        />
      </FluentProvider>
    );
    const target = screen.getByText("Drop an .xlsx workbook here, or");
    const over = carrying(workbook("return.xlsx"));
    fireEvent.dragOver(target, over);
    expect(over.dataTransfer.dropEffect).toBe("copy");
    fireEvent.drop(target, carrying(workbook("return.xlsx")));
    await screen.findByTestId("busy");
    expect(opened).toEqual(["return.xlsx"]);

    // Busy: a second file dragged over is refused by the pointer, and dropping it does nothing.
    const page = screen.getByTestId("busy");
    const busyOver = carrying(workbook("other.xlsx"));
    fireEvent.dragOver(page, busyOver);
    expect(busyOver.dataTransfer.dropEffect).toBe("none");
    fireEvent.drop(page, carrying(workbook("other.xlsx")));
    expect(opened).toEqual(["return.xlsx"]);

    engine.release();
    await screen.findByRole("heading", { name: "Results for return.xlsx" });
  }, 60_000);
});
