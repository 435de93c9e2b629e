/**
 * @jest-environment jsdom
 */
import { configure, fireEvent, screen } from "@testing-library/react";
import { RIVERBEND_SHEETS } from "../../examples/riverbend";
import { renderFileMode } from "../helpers/file-mode";
import { inThreadEngine } from "../helpers/in-thread-engine";

configure({ asyncUtilTimeout: 10_000 });

beforeAll(() => {
  Object.defineProperty(window, "innerHeight", { configurable: true, value: 4000 });
});

const workbook = (name: string) => new File([new Uint8Array([80, 75, 3, 4])], name);

/** A drag carrying one file, as the browser hands it to the page. */
const carrying = (file: File) => ({ dataTransfer: { files: [file], dropEffect: "" } });

describe("file mode: dropping a workbook", () => {
  it("opens a dropped workbook; while a check runs the pointer says a drop is not taken", async () => {
    // A check waits until `release`: the page is busy meanwhile.
    const engine = inThreadEngine(RIVERBEND_SHEETS, { held: true });
    const opened: string[] = [];
    renderFileMode(engine.start, opened);
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
