/**
 * How the committee sheets print: A4 landscape at 100%, never shrunk to fit. The plan sizes every
 * row and places the page breaks itself, so it knows how many pages each sheet takes. It plans for
 * the wider of the fonts a committee's copy may be printed in: Calibri in Excel, and DejaVu Sans
 * where LibreOffice has neither Calibri nor a metric twin (Carlito). Text measured in DejaVu's
 * widths fits in Calibri too, which is narrower for every character.
 */
export const PAGE = {
  /** A4 landscape, in points. */
  width: 841.89,
  height: 595.28,
  /** Margins in inches, as the sheet's page setup states them: Excel's "Narrow" sides. */
  margins: { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  /** Body text size; nothing on the paper is smaller than MIN_TEXT_SIZE. */
  bodySize: 10,
  headerFooterSize: 10,
  /**
   * Points per unit of column width at the widest: LibreOffice sizes the unit by the digit width
   * of the workbook's normal font (DejaVu Sans at 10 pt: 6.36 pt); Excel with Calibri 10, 5.25 pt.
   */
  pointsPerUnit: 6.4,
  /** A cell's inner margins, left and right together, in points, with a little to spare. */
  cellPadding: 6,
} as const;

export const MIN_TEXT_SIZE = 9;

/** One step of a cell's indent, in column-width units (about 10 pt as LibreOffice prints it). */
export const INDENT_UNITS = 1.6;

/** Column-width units across the printable width, a little short of the edge. */
export const PRINTABLE_UNITS = Math.floor(
  (PAGE.width - 72 * (PAGE.margins.left + PAGE.margins.right)) / PAGE.pointsPerUnit - 2
);

/** Points down the printable height, between header and footer, with a little to spare. */
export const PRINTABLE_HEIGHT = Math.floor(
  PAGE.height - 72 * (PAGE.margins.top + PAGE.margins.bottom) - 8
);

/** Height of one line of text of this size, in points. */
export function lineHeight(size: number = PAGE.bodySize): number {
  return Math.ceil(size * 1.3);
}

/** The height of a row holding `lines` lines of text of this size. */
export function rowHeightFor(lines: number, size: number = PAGE.bodySize): number {
  return Math.max(1, lines) * lineHeight(size) + 3;
}

// Advance widths of DejaVu Sans and DejaVu Sans Bold, per 1000 of the font size, for the printable
// ASCII characters (space to tilde). Anything else is taken as a full em, which no common character
// exceeds.
const REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
  636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
  575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
  611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
  278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696,
  696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683,
  683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771,
  724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665,
  343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];

/** The width of a text in thousandths of its font size. */
function textWidth(text: string, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - 32;
    w += c >= 0 && c < 95 ? table[c] : 1000;
  }
  return w;
}

/** The width a text needs on one line, in column-width units (with the cell's padding). */
export function unitsFor(text: string, size: number = PAGE.bodySize, bold = false): number {
  return (
    (textWidth(text, bold) * size) / 1000 / PAGE.pointsPerUnit +
    PAGE.cellPadding / PAGE.pointsPerUnit
  );
}

const SPACE = REGULAR[0];

/**
 * Lines a text takes when wrapped at spaces and after hyphens, in a column this wide. A word
 * longer than a line is broken, as Excel and LibreOffice break it.
 */
export function wrappedLines(
  text: string,
  width: number,
  size: number = PAGE.bodySize,
  bold = false
): number {
  // In thousandths of the font size, as textWidth measures.
  const capacity = ((width * PAGE.pointsPerUnit - PAGE.cellPadding) * 1000) / size;
  // Most texts fit on a line: one pass over the characters, nothing split or allocated.
  if (!text.includes("\n") && textWidth(text, bold) <= capacity) return 1;
  const space = bold ? BOLD[0] : SPACE;
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines++;
    let used = -1;
    for (const word of paragraph.split(" ")) {
      if (word === "") continue;
      // "self-assessment" may break after its hyphen: each part is placed on its own.
      const parts = word.includes("-") ? word.split(/(?<=-)(?=.)/) : [word];
      parts.forEach((part, i) => {
        const w = textWidth(part, bold);
        const gap = i === 0 ? space : 0;
        if (used >= 0 && used + gap + w <= capacity) {
          used += gap + w;
          return;
        }
        if (used >= 0) lines++;
        used = w;
        while (used > capacity) {
          lines++;
          used -= capacity;
        }
      });
    }
  }
  return lines;
}
