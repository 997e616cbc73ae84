/** What a PDF says about its text (pdf-text.ts) and the lines built from it (pdf-lines.ts). */

/** One text item of pdf.js, in PDF user space (y grows upwards; y is the baseline). */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size from the text matrix. */
  size: number;
  /** Font name without its subset prefix ("PTSans-Bold"), or pdf.js's id when unknown. */
  font: string;
  rotated: boolean;
  /** Role in the tagged structure ("H2", "P", "Table/TH", "Artifact"), null when untagged. */
  role: string | null;
  /** Marked-content id linking the item to the structure tree. */
  mcid: string | null;
  /** Tagged tables: the row (TR) and cell (TD, TH) the item is in, numbered through the document. */
  row: number | null;
  cell: number | null;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  items: PdfItem[];
}

/** A bookmark: its title, depth (1 = top) and where it points, when the PDF says. */
export interface PdfOutlineEntry {
  title: string;
  depth: number;
  page: number | null;
  y: number | null;
}

export interface PdfInfo {
  title: string | null;
  author: string | null;
  subject: string | null;
  keywords: string | null;
  creator: string | null;
}

export interface PdfContent {
  pages: PdfPage[];
  outline: PdfOutlineEntry[];
  info: PdfInfo;
  /** Has a structure tree with roles (a tagged PDF). */
  tagged: boolean;
}

/** A line of the text layer with the typography it was set in. Blank lines have no style. */
export interface PdfLine {
  text: string;
  page: number;
  /** Baseline and horizontal extent; null for a blank line. */
  y: number | null;
  x: number | null;
  xEnd: number | null;
  /** Font size, font name, weight and style of most of its characters. */
  size: number | null;
  font: string | null;
  bold: boolean;
  italic: boolean;
  /** Structure role of most of its characters (tagged PDFs). */
  role: string | null;
  /** Superscript numbers set in the line (footnote markers), as printed. */
  markers: string[];
  /** Cells of a row set apart by wide gaps (joined by tabs in `text`). */
  cells: number;
}

export interface PdfLayout {
  lines: PdfLine[];
  pages: Array<{ number: number; width: number; height: number }>;
  outline: PdfOutlineEntry[];
  info: PdfInfo;
  tagged: boolean;
}
