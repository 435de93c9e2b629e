/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import type { Scale } from "../../src/core/recognise/scale";
import { wordScale } from "../../src/core/settings";
import { ScheduleList } from "../../src/taskpane/components/ScheduleList";
import type { ScheduleView } from "../../src/taskpane/engine/protocol";

function schedule(
  sheet: string,
  requirements: number,
  scale: Scale,
  weakThreshold: number
): ScheduleView {
  return {
    id: `${sheet}!3`,
    sheet,
    title: `${sheet} self-assessment`,
    headerRow: 3,
    requirements,
    scale,
    scaleSource: "legend",
    weakThreshold,
    lastRow: 3 + requirements,
  };
}

function lines(schedules: ScheduleView[]): string[] {
  render(
    <FluentProvider theme={webLightTheme}>
      <ScheduleList schedules={schedules} />
    </FluentProvider>
  );
  const list = screen.getByRole("list", { name: "Schedules found" });
  return within(list)
    .getAllByRole("listitem")
    .map((item) => item.textContent ?? "");
}

describe("the schedules found", () => {
  it("states a weak threshold on a scale of words as its word, as the committee summary does", () => {
    const [rag] = lines([schedule("Assurance map", 5, wordScale(["Red", "Amber", "Green"]), 2)]);
    // "weak at 2 or lower" means nothing to an officer who rates Red, Amber or Green.
    expect(rag).toMatch(
      /Assurance map, header row 3: 5 requirements, scale Red, Amber, Green \(worst to best\), weak at Amber or worse$/
    );
  });

  it("keeps numbers for a scale of numbers, either way round", () => {
    const [up, down] = lines([
      schedule("Local Code", 17, { min: 1, max: 5, direction: "ascending" }, 3),
      schedule("Service Delivery", 4, { min: 1, max: 4, direction: "descending" }, 3),
    ]);
    expect(up).toMatch(/17 requirements, scale 1-5 \(5 best\), weak at 3 or lower$/);
    expect(down).toMatch(/4 requirements, scale 1-4 \(1 best\), weak at 3 or higher$/);
  });

  it("counts one requirement in the singular", () => {
    const [one] = lines([schedule("One", 1, { min: 1, max: 3, direction: "ascending" }, 2)]);
    expect(one).toMatch(/One, header row 3: 1 requirement, scale 1-3/);
  });
});
