/**
 * Stage 2, normalise: source lines in, reading blocks out. NFC, OCR repair (recorded), page
 * breaks, artefacts (table of contents, duplicated block, link dumps, sidebars) set aside, and
 * wrapped lines joined into paragraphs and list items. The stored source never changes.
 */
import type { LoadedSource } from '../load/load.ts';
import { findArtefacts } from './artefacts.ts';
import { buildMarkdownBlocks } from './blocks-markdown.ts';
import { buildTextBlocks, lineWidth } from './blocks-text.ts';
import { findPdfFurniture } from './pdf-furniture.ts';
import { findPdfHeadings } from './pdf-headings.ts';
import { prepareLines, type OcrRepairer } from './prepare-lines.ts';
import { findTextFootnotes } from './text-footnotes.ts';
import type { Artefact, Footnote, NormalisedSource, PdfStructure } from './types.ts';

export function normalise(source: LoadedSource, repairer: OcrRepairer): NormalisedSource {
  let { lines, ocrFixes } = prepareLines(source.lines, {
    markdown: source.markdown,
    pageOfLine: source.pageOfLine,
    repairer,
  });
  let { artefacts, toc } = findArtefacts(lines, source.markdown, { toc: !source.layout });
  let pdf: PdfStructure | undefined;
  let footnotes: Footnote[] = [];
  const breaks = { before: new Set<number>(), joined: new Set<number>() };
  if (source.layout) {
    // A PDF's layout says what is furniture and where headings are; the text rules fill in the rest.
    const furniture = findPdfFurniture(source.layout);
    const found = findPdfHeadings(source.layout, furniture);
    artefacts = mergeArtefacts(artefacts, furniture.artefacts);
    // The text rules' table of contents is off for a PDF (see findArtefacts): the layout's is the one.
    toc = furniture.toc;
    footnotes = furniture.footnotes;
    pdf = { headings: found.headings, structured: found.structured, styledDepth: found.styledDepth };
    for (const heading of found.headings) {
      breaks.before.add(heading.start);
      breaks.before.add(heading.end + 1);
      for (let no = heading.start + 1; no <= heading.end; no++) breaks.joined.add(no);
    }
  }
  if (!source.layout && !source.markdown) {
    const notes = findTextFootnotes(lines, excludedLines(lines.length, artefacts));
    lines = notes.lines;
    ocrFixes = [...ocrFixes, ...notes.fixes].sort((a, b) => a.line - b.line);
    artefacts = mergeArtefacts(artefacts, notes.artefacts);
    footnotes = notes.footnotes;
  }
  const excluded = excludedLines(lines.length, artefacts);
  const width = source.markdown ? Number.POSITIVE_INFINITY : lineWidth(lines);
  const blocks = source.markdown
    ? buildMarkdownBlocks(lines.map((line) => line.full).join('\n'), excluded)
    : buildTextBlocks(lines, excluded, width, breaks);
  const result: NormalisedSource = {
    blocks,
    artefacts,
    toc,
    ocrFixes,
    lineWidth: width,
    lineCount: lines.length,
    lines,
    blankLines: lines.map((line) => line.blank),
    footnotes,
    markdown: source.markdown,
  };
  if (source.pageOfLine) result.pageOfLine = source.pageOfLine;
  if (pdf) result.pdf = pdf;
  return result;
}

function excludedLines(count: number, artefacts: Artefact[]): boolean[] {
  const excluded = new Array<boolean>(count).fill(false);
  for (const artefact of artefacts) {
    for (let no = artefact.start; no <= artefact.end; no++) excluded[no - 1] = true;
  }
  return excluded;
}

/** Artefacts of both finders in line order; a text-rule artefact inside a layout one adds nothing. */
function mergeArtefacts(text: Artefact[], layout: Artefact[]): Artefact[] {
  const covered = (artefact: Artefact) =>
    layout.some((other) => other.start <= artefact.start && artefact.end <= other.end);
  return [...layout, ...text.filter((artefact) => !covered(artefact))].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
}
