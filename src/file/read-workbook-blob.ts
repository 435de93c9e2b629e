import { type BlobLike, blobSource } from "./byte-source";
import { type ReadWorkbookOptions, type WorkbookContents, readWorkbook } from "./workbook-reader";
import { webReaderPlatform } from "./web-platform";

/**
 * Reads a workbook from a File or Blob (a picker, a drop, or one posted to a worker) into grids,
 * with the same streaming reader the command line uses: parts are read by range from the Blob and
 * inflated with the browser's DecompressionStream, so a large file is never held whole in memory.
 *
 * - `onProgress(bytesRead, totalBytes)` follows the sheets' inflated bytes;
 * - `signal` (an AbortSignal) stops the read with a WorkbookReadError of kind "aborted";
 * - `password` opens a password-protected workbook (Excel's default password is tried first); a
 *   missing or wrong one is a WorkbookReadError of kind "password-required" or "password-wrong".
 *
 * Needs no DOM: it runs in a Web Worker as well as on the page.
 */
export function readWorkbookBlob(
  blob: BlobLike,
  options: ReadWorkbookOptions = {}
): Promise<WorkbookContents> {
  return readWorkbook(blobSource(blob), webReaderPlatform, options);
}
