import { WorkbookReadError } from "./read-error";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Finds an ASCII name stored as UTF-16LE, as OLE directory entries store stream names. */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let i = 0; i + name.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let j = 1; j < name.length; j++) {
      if (bytes[i + j * 2] !== name.charCodeAt(j) || bytes[i + j * 2 + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

function looksLikeText(head: Uint8Array): boolean {
  let printable = 0;
  for (const b of head)
    if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 0xc2) printable++;
  return head.length > 0 && printable / head.length > 0.95;
}

/**
 * Says, before any parsing, why a file is not an .xlsx workbook we can read. `whole` is the file
 * or, for a large one, its first bytes (an OLE file's directory is near its start).
 */
export function assertReadableWorkbook(whole: Uint8Array, size: number): void {
  if (size === 0)
    throw new WorkbookReadError(
      "the file is empty (0 bytes): save the workbook again from Excel and retry"
    );
  if (startsWith(whole, OLE)) {
    if (hasUtf16Name(whole, "EncryptionInfo") || hasUtf16Name(whole, "EncryptedPackage")) {
      throw new WorkbookReadError(
        "the workbook is password-protected (encrypted): open it in Excel, remove the password under File > Info > Protect Workbook, save a copy and check that"
      );
    }
    throw new WorkbookReadError(
      "this is an old-format .xls workbook (Excel 97-2003): open it in Excel and save it as an Excel Workbook (.xlsx), then check that"
    );
  }
  if (startsWith(whole, EMPTY_ZIP))
    throw new WorkbookReadError("the file is an empty zip archive, not a workbook");
  if (!startsWith(whole, ZIP)) {
    const head = whole.subarray(0, 4096);
    if (looksLikeText(head)) {
      const text = new TextDecoder().decode(head);
      if (/^\s*</.test(text)) {
        throw new WorkbookReadError(
          "the file is HTML or XML, not an .xlsx workbook: open it in Excel and save it as an Excel Workbook (.xlsx)"
        );
      }
      throw new WorkbookReadError(
        "the file is plain text (a CSV file?), not an .xlsx workbook: open it in Excel and save it as an Excel Workbook (.xlsx)"
      );
    }
    throw new WorkbookReadError(
      "the file is not an Excel workbook (.xlsx): check you picked the right file"
    );
  }
}

/** Turns what ExcelJS or the zip reader throws on a damaged package into a sentence. */
export const NOT_A_WORKBOOK_ZIP =
  "the file is a zip archive but not an Excel workbook (.xlsx): check you picked the right file";

export function explainParseFailure(err: unknown): WorkbookReadError {
  if (err instanceof WorkbookReadError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (
    /end of central directory|unexpected end|invalid (signature|zip)|corrupt|FILE_ENDED|Z_BUF_ERROR|unexpected eof|invalid (stored )?block|too short/i.test(
      message
    )
  ) {
    return new WorkbookReadError(
      "the file is damaged or incomplete (perhaps a download or copy was cut short): save it again from Excel and retry"
    );
  }
  if (/workbook\.xml|Cannot read|undefined/i.test(message)) {
    return new WorkbookReadError(NOT_A_WORKBOOK_ZIP);
  }
  return new WorkbookReadError(
    `the workbook could not be read (${message.split("\n")[0].slice(0, 160)}): save it again from Excel and retry`
  );
}
