import type { EnginePort } from "./protocol";

/**
 * Starts the engine's worker. webpack sees `new Worker(new URL(...))` and builds the worker as a
 * script of its own; jest, which has no workers, maps this module to the in-thread engine.
 */
export function startEngineWorker(): EnginePort {
  return new Worker(new URL("./engine.worker.ts", import.meta.url), {
    name: "govcheck-engine",
  }) as unknown as EnginePort;
}
