/**
 * What the normalise stage hands on: the source as lines, blocks, set-aside artefacts and
 * footnotes. Segment and extract read these; line numbers are 1-based source lines.
 */
import type { IngestRecord } from '../../core/schemas/document.ts';
import type { LayoutHeading } from './pdf-headings.ts';

/** One OCR repair, as the document records it. */
export type OcrFix = IngestRecord['ocrFixes'][number];

/** One source line after Unicode normalisation and OCR repair. */
export interface PreparedLine {
  no: number;
  raw: string;
  /** NFC and OCR-repaired, indentation kept (Markdown needs it). */
  full: string;
  /** `full`, trimmed. */
  text: string;
  blank: boolean;
  /** First line of a page: PDF page boundary, or a text-layer line that starts with a space. */
  pageStart: boolean;
}

export type ArtefactKind =
  | 'toc'
  | 'duplicate'
  | 'link-dump'
  | 'sidebar'
  | 'page-number'
  | 'running-header'
  | 'running-footer'
  | 'cover'
  | 'footnote';

/** Lines kept in the section spans (lossless) but left out of section text. */
export interface Artefact {
  kind: ArtefactKind;
  start: number;
  end: number;
  note?: string;
}

/** A note at a page's foot (or after a block of text), set aside from the text and shown with its section. */
export interface Footnote {
  /** The marker as printed, digits as plain digits ("5"). */
  marker: string;
  text: string;
  lines: [number, number];
  /** The line whose text carries the marker, when it was found. */
  reference: number | null;
}

/** A table-of-contents entry: evidence for the heading structure, never a section. */
export interface TocEntry {
  number: string | null;
  title: string;
  line: number;
}

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-row';

/** A unit of text: a paragraph with its wrapped lines joined, a list item, a table row, a Markdown heading. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  text: string;
  /** Markdown heading depth (1–6), or list nesting (0 = top level). */
  depth: number;
  ordered: boolean;
  /** Preceded by a blank line, a page break or the start of the document. */
  afterBreak: boolean;
  pageStart: boolean;
  /** Markdown paragraph that is one bold/italic run: a paragraph-heading candidate. */
  emphasised: boolean;
  /** Longest source line in the block (plain-text sources: tells prose from table cells). */
  maxLineLength: number;
  /** Where each source line starts in `text`: [offset, line]. */
  lineOffsets: Array<[number, number]>;
}

export interface NormalisedSource {
  blocks: Block[];
  artefacts: Artefact[];
  toc: TocEntry[];
  ocrFixes: OcrFix[];
  /** Typical full line length of the text layer (90th percentile); Infinity for Markdown. */
  lineWidth: number;
  lineCount: number;
  lines: PreparedLine[];
  /** Per source line (index = line - 1): blank after normalisation. */
  blankLines: boolean[];
  /** Page of each line (PDF sources). */
  pageOfLine?: number[];
  markdown: boolean;
  /** PDF sources: the headings its layout shows, and its footnotes. */
  pdf?: PdfStructure;
  /** Notes set aside from the text (a PDF's page feet, a text layer's note lines), with their markers' lines. */
  footnotes: Footnote[];
}

export interface PdfStructure {
  headings: LayoutHeading[];
  /** Headings set apart by typography, tags or bookmarks: the layout decides what a heading is. */
  structured: boolean;
  /** The deepest numbering level that the layout marks as headings. */
  styledDepth: number;
}
