import { EngineService } from "./engine-service";
import type { EnginePort, EngineRequest, EngineResponse } from "./protocol";

/**
 * The engine in this thread, behind the same port: for browsers without workers and for jsdom.
 * Replies arrive asynchronously, as a worker's would; ending it drops whatever is still running.
 */
export function inThreadPort(): EnginePort {
  let ended = false;
  const port: EnginePort = {
    onmessage: null,
    onerror: null,
    postMessage(message: EngineRequest) {
      setTimeout(() => {
        if (!ended) void service.handle(message);
      }, 0);
    },
    terminate() {
      ended = true;
      service.cancel();
    },
  };
  const service = new EngineService((response) => {
    if (!ended) port.onmessage?.({ data: response } as MessageEvent<EngineResponse>);
  });
  return port;
}
