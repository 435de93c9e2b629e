import { EngineService } from "../../src/taskpane/engine/engine-service";
import type { EnginePort, EngineRequest, EngineResponse } from "../../src/taskpane/engine/protocol";
import { gridsFromSpecs } from "./fake-host";
import type { SheetSpec } from "./workbook-builder";

export interface InThreadEngine {
  /** Starts a port, as the pane starts a worker for each check. */
  readonly start: () => EnginePort;
  /** Lets the held requests run (with `held`). */
  readonly release: () => void;
}

/**
 * The pane's real engine in this thread, behind a worker's port: a check of a file reads as
 * `sheets` (the file's bytes do not matter); everything else, last year's workbook read from its
 * bytes included, is the engine's own. `answer` may reply to a request itself (a protected file's
 * refusal) by returning the response; `held` keeps each request until `release` is called, so a
 * test can act while a check runs.
 */
export function inThreadEngine(
  sheets: readonly SheetSpec[],
  options: {
    answer?: (request: EngineRequest) => EngineResponse | undefined;
    held?: boolean;
  } = {}
): InThreadEngine {
  const held: (() => void)[] = [];
  const start = (): EnginePort => {
    const port: EnginePort = {
      onmessage: null,
      onerror: null,
      postMessage(request: EngineRequest) {
        const run = () => {
          const answered = options.answer?.(request);
          if (answered) return reply(answered);
          if (request.type === "check" && request.source.kind === "file") {
            const read = { grids: gridsFromSpecs(sheets), ownSheets: [], notes: [] };
            void service.handle({ ...request, source: { kind: "read", read } });
          } else void service.handle(request);
        };
        if (options.held) held.push(run);
        else setTimeout(run, 0);
      },
      terminate() {},
    };
    const reply = (response: EngineResponse) =>
      port.onmessage?.({ data: response } as MessageEvent<EngineResponse>);
    const service = new EngineService(reply);
    return port;
  };
  return { start, release: () => held.splice(0).forEach((run) => setTimeout(run, 0)) };
}
