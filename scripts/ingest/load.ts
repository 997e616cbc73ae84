/**
 * Stage 1, load: bytes in, lines out. Decodes UTF-8 (Windows-1252 as fallback), reads the text
 * layer of a PDF with its page numbers, and refuses input that cannot be a policy text.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { InputError } from '../../src/lib/errors.ts';
import { splitLines } from '../../src/lib/text.ts';
import { layoutPdf } from './pdf-lines.ts';
import { readPdf } from './pdf-thread.ts';
import type { PdfLayout } from './pdf-types.ts';

export type SourceFormat = 'txt' | 'md' | 'pdf';

export interface LoadedSource {
  /** Path as given, for messages and the `source.file` field. */
  file: string;
  format: SourceFormat;
  sha256: string;
  encoding: 'utf-8' | 'windows-1252' | 'pdf-text-layer';
  /** Line n of the source is lines[n - 1]. For a PDF: the lines of its text layer. */
  lines: string[];
  /** Parse as Markdown (a .md file, or a .txt file that is Markdown converted from a web page). */
  markdown: boolean;
  /** PDF only: the page of each line (same indexing as `lines`). */
  pageOfLine?: number[];
  /** PDF only: each line's position and typography, the outline, tags and metadata. */
  layout?: PdfLayout;
  notes: string[];
}

export interface LoadOptions {
  /** Largest accepted text source; a policy text is 30–300 KB. */
  maxTextBytes: number;
  maxPdfBytes: number;
}

export const DEFAULT_LOAD_OPTIONS: LoadOptions = { maxTextBytes: 8 * 1024 * 1024, maxPdfBytes: 64 * 1024 * 1024 };

const MB = 1024 * 1024;

export async function loadSource(bytes: Uint8Array, file: string, options: LoadOptions = DEFAULT_LOAD_OPTIONS): Promise<LoadedSource> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const extension = extname(file).toLowerCase();
  const isPdf = extension === '.pdf' || startsWithPdfMagic(bytes);
  const limit = isPdf ? options.maxPdfBytes : options.maxTextBytes;
  if (bytes.length > limit) {
    throw new InputError(
      file,
      `is ${(bytes.length / MB).toFixed(1)} MB, more than the ${(limit / MB).toFixed(0)} MB limit for a ${isPdf ? 'PDF' : 'text'} source (a policy text is normally well under 1 MB)`,
      'check that this is the policy itself and not an archive or a concatenation of many files; split it, or raise the limit with --max-size-mb',
    );
  }
  if (bytes.length === 0 || (!isPdf && isBlank(bytes))) {
    throw new InputError(file, 'is empty (no text at all)', 'copy the published text into the file again; an empty download or a failed export is the usual cause');
  }
  if (isPdf) {
    if (!startsWithPdfMagic(bytes)) {
      throw new InputError(file, 'has a .pdf name but is not a PDF (it does not start with "%PDF-")', 'save the published PDF again, or rename the file to .txt if it is text');
    }
    const layout = layoutPdf(await readPdf(bytes, file));
    const lines = layout.lines.map((line) => line.text);
    const pageOfLine = layout.lines.map((line) => line.page);
    return { file, format: 'pdf', sha256, encoding: 'pdf-text-layer', lines, markdown: false, pageOfLine, layout, notes: [] };
  }
  if (looksBinary(bytes)) {
    throw new InputError(
      file,
      'looks like a binary file, not text (it contains NUL or many control bytes)',
      'give the pipeline the text (.txt/.md) or the PDF itself; Word files and images must be exported to PDF or text first',
    );
  }
  const notes: string[] = [];
  let text: string;
  let encoding: LoadedSource['encoding'] = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
    encoding = 'windows-1252';
    notes.push('not valid UTF-8: decoded as Windows-1252');
  }
  const lines = splitLines(text);
  const format: SourceFormat = extension === '.md' ? 'md' : 'txt';
  return { file, format, sha256, encoding, lines, markdown: format === 'md' || looksLikeMarkdown(lines), notes };
}

function startsWithPdfMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
  }
  return true;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > sample.length * 0.05;
}

/** Markdown converted from a web page: several ATX headings ("## Title"). */
function looksLikeMarkdown(lines: string[]): boolean {
  let headings = 0;
  for (const line of lines) {
    if (/^#{1,6}\s+\S/.test(line) && ++headings >= 3) return true;
  }
  return false;
}
