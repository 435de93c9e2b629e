import { toHaveNoViolations } from "jest-axe";

expect.extend(toHaveNoViolations);

// jsdom has no layout, so no ResizeObserver; Fluent's MessageBar asks for one to reflow its actions.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  class NoLayoutResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(window, { ResizeObserver: NoLayoutResizeObserver });
}
