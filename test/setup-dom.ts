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

// Nor can jsdom scroll: its window.scrollTo logs "Not implemented" as an error when the virtual
// findings list (which scrolls the page) moves to a finding after a render.
if (typeof window !== "undefined")
  Object.defineProperty(window, "scrollTo", { configurable: true, value: () => undefined });

// jsdom's Blob has no arrayBuffer() and its window no DecompressionStream, nor WebCrypto's subtle,
// all of which every browser the add-in runs in has: the pane tests that read a real file (last
// year's workbook, protected or not) run govcheck's browser reader over jsdom's File with Node's
// own versions of them.
if (typeof window !== "undefined") {
  if (typeof Blob.prototype.arrayBuffer !== "function")
    Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
      return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
        reader.readAsArrayBuffer(this);
      });
    };
  const web = require("node:stream/web") as typeof import("node:stream/web");
  const util = require("node:util") as typeof import("node:util");
  const missing: Record<string, unknown> = {
    DecompressionStream: web.DecompressionStream,
    ReadableStream: web.ReadableStream,
    TextDecoder: util.TextDecoder,
    TextEncoder: util.TextEncoder,
  };
  for (const [name, value] of Object.entries(missing))
    if (!(name in globalThis)) Object.assign(globalThis, { [name]: value });
  const page = globalThis as { crypto?: { subtle?: unknown } };
  if (!page.crypto?.subtle)
    Object.defineProperty(globalThis, "crypto", {
      configurable: true,
      value: (require("node:crypto") as typeof import("node:crypto")).webcrypto,
    });
}
