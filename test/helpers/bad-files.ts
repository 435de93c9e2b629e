import CFB from "cfb";
import JSZip from "jszip";
import officeCrypto from "officecrypto-tool";

/** An OLE compound file holding the named streams, as Excel writes encrypted and .xls files. */
function oleFile(streams: Record<string, Buffer>): Buffer {
  const container = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams))
    CFB.utils.cfb_add(container, `/${name}`, data);
  return Buffer.from(CFB.write(container, { type: "buffer" }) as Uint8Array);
}

/**
 * What Excel saves when a workbook has a password to open: the package encrypted inside OLE, by an
 * encryptor independent of govcheck (officecrypto-tool): ECMA-376 agile encryption (Excel 2010 and
 * later) or standard encryption (Excel 2007).
 */
export function encryptedWorkbook(
  workbook: Buffer,
  password: string,
  kind: "agile" | "standard" = "agile"
): Buffer {
  return officeCrypto.encrypt(
    workbook,
    kind === "standard" ? { password, type: "standard" } : { password }
  );
}

/** An Excel 97-2003 workbook: a BIFF "Workbook" stream inside OLE. */
export function legacyXls(): Buffer {
  return oleFile({ Workbook: Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]) });
}

/** A zip that is not a workbook (a Word document's shape). */
export async function zipWithoutWorkbook(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
  );
  zip.file(
    "word/document.xml",
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

export const CSV_TEXT =
  "Ref,Requirement,Score,Action\n(a),Publish the code,2,Review\n(b),Hold an audit committee,1,\n";
