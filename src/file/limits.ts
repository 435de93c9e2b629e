/**
 * The caps the reader holds every workbook to. Excel's own limits come first (1,048,576 rows,
 * 16,384 columns, 32,767 characters in a cell); the rest keep a damaged or hostile file within a
 * bounded time and well under 1.5 GB of memory, far above what any real return needs. A high
 * compression ratio alone is never a reason to refuse: a million empty, styled rows inflate more
 * than 250:1 and read in seconds.
 */
export interface ReaderLimits {
  /** Excel's last row. */
  readonly maxRows: number;
  /** Excel's last column, XFD. */
  readonly maxColumns: number;
  /** Excel's longest cell text; longer text is cut here, with a note. */
  readonly maxCellText: number;
  /** The largest any one part may inflate to. */
  readonly maxPartBytes: number;
  /** All the parts read, inflated, together. */
  readonly maxTotalBytes: number;
  /** Parts listed in the zip directory. */
  readonly maxZipEntries: number;
  /** Entries in the shared-strings table. */
  readonly maxSharedStrings: number;
  /** Cell formats (xf) in the styles part. */
  readonly maxStyles: number;
  /** Characters of text kept from all cells and shared strings together. */
  readonly maxTextChars: number;
  /** Cell slots the grids hold: each row counts up to its last cell, empty cells between included. */
  readonly maxCellSlots: number;
  /** Sheets in the workbook. */
  readonly maxSheets: number;
  /** Merged areas, and the cells they cover that hold a value, across the workbook. */
  readonly maxMergeWork: number;
  /** Merged areas and other ranges the sheet sections keep, across the workbook. */
  readonly maxRanges: number;
  /** The largest encrypted package decrypted in memory. */
  readonly maxEncryptedBytes: number;
}

export const DEFAULT_LIMITS: ReaderLimits = {
  maxRows: 1_048_576,
  maxColumns: 16_384,
  maxCellText: 32_767,
  maxPartBytes: 1024 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxZipEntries: 100_000,
  maxSharedStrings: 5_000_000,
  maxStyles: 1_000_000,
  maxTextChars: 200_000_000,
  maxCellSlots: 40_000_000,
  maxSheets: 10_000,
  maxMergeWork: 50_000_000,
  maxRanges: 2_000_000,
  maxEncryptedBytes: 512 * 1024 * 1024,
};

export function count(n: number): string {
  return n.toLocaleString("en-GB");
}
