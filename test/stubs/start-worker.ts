import { inThreadPort } from "../../src/taskpane/engine/in-thread-port";
import type { EnginePort } from "../../src/taskpane/engine/protocol";

/** jest has no Web Workers (and cannot parse import.meta): the engine runs in the test's thread. */
export function startEngineWorker(): EnginePort {
  return inThreadPort();
}
