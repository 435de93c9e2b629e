import { WorkbookReadError } from "./read-error";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const SPANNED_ZIP = [0x50, 0x4b, 0x07, 0x08];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

function looksLikeText(head: Uint8Array): boolean {
  let printable = 0;
  for (const b of head)
    if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 0xc2) printable++;
  return head.length > 0 && printable / head.length > 0.95;
}

/** Where the zip's first local header is: at 0, or after a stub some tools put in front. */
function hasZipSignature(head: Uint8Array): boolean {
  if (startsWith(head, ZIP) || startsWith(head, SPANNED_ZIP)) return true;
  // The archive may follow a few bytes of something else (its directory says where it starts).
  for (let i = 1; i + 4 <= head.length && i < 1024; i++) if (startsWith(head, ZIP, i)) return true;
  return false;
}

/**
 * What a file is, from its first bytes: a zip (an .xlsx, or an .ods, .xlsb or Word file that the
 * package layer names), an OLE compound file (an encrypted workbook, or an .xls, .doc or .ppt), or
 * something else, which gets its sentence here.
 */
export function identifyFormat(head: Uint8Array): "zip" | "ole" {
  if (startsWith(head, OLE)) return "ole";
  if (hasZipSignature(head)) return "zip";
  if (startsWith(head, EMPTY_ZIP))
    throw new WorkbookReadError(
      "the file is an empty zip archive, not a workbook: check you picked the right file",
      "format"
    );
  const sample = head.subarray(0, 4096);
  if (startsWith(sample, [0x7b, 0x5c, 0x72, 0x74, 0x66]))
    throw new WorkbookReadError(
      "this is a Rich Text (.rtf) document, not a workbook: check you picked the right file",
      "format"
    );
  if (startsWith(sample, [0x25, 0x50, 0x44, 0x46]))
    throw new WorkbookReadError(
      "this is a PDF, not a workbook: open the schedule in Excel and save it as an Excel Workbook (.xlsx), then check that",
      "format"
    );
  if (
    looksLikeText(sample) ||
    startsWith(sample, [0xef, 0xbb, 0xbf]) ||
    startsWith(sample, [0xff, 0xfe])
  ) {
    const text = new TextDecoder(startsWith(sample, [0xff, 0xfe]) ? "utf-16le" : "utf-8").decode(
      sample
    );
    if (/^\s*</.test(text)) {
      if (
        /<\?mso-application\s+progid="Excel\.Sheet"|urn:schemas-microsoft-com:office:spreadsheet/i.test(
          text
        )
      )
        throw new WorkbookReadError(
          "this is an Excel 2003 XML Spreadsheet, not an .xlsx workbook: open it in Excel and save it as an Excel Workbook (.xlsx), then check that",
          "format"
        );
      throw new WorkbookReadError(
        "the file is HTML or XML, not an .xlsx workbook: open it in Excel and save it as an Excel Workbook (.xlsx)",
        "format"
      );
    }
    throw new WorkbookReadError(
      "the file is plain text (a CSV file?), not an .xlsx workbook: open it in Excel and save it as an Excel Workbook (.xlsx)",
      "format"
    );
  }
  throw new WorkbookReadError(
    "the file is not an Excel workbook (.xlsx): check you picked the right file",
    "format"
  );
}
