/**
 * The checking engine in a Web Worker: reading a file, recognition, rules and the committee
 * summary run here, so the task pane answers clicks while a large return is checked. To stop a
 * check the pane ends the worker; nothing here needs to listen for a cancel.
 */
import { EngineService } from "./engine-service";
import type { EngineRequest, EngineResponse } from "./protocol";

/** The part of a dedicated worker's global scope this uses (the DOM library has no worker types). */
interface WorkerScope {
  postMessage(message: EngineResponse, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<EngineRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const service = new EngineService((response, transfer) =>
  scope.postMessage(response, transfer ?? [])
);
scope.onmessage = (event) => {
  void service.handle(event.data);
};
