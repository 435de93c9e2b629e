import { parentPort, workerData } from "node:worker_threads";
import type { Settings } from "../core/settings";
import { replyFromWorker } from "./last-year";

/** Reads last year's workbook on a thread of its own and hands back the plain data compared with. */
const { file, source, settings, password } = workerData as {
  file: string;
  source: string;
  settings: Settings;
  password: string | undefined;
};
void replyFromWorker(file, source, settings, password, (reply, transfer) =>
  parentPort?.postMessage(reply, transfer)
);
