/**
 * Stage 2, normalise: source lines in, reading blocks out. NFC, OCR repair (recorded), page
 * breaks, artefacts (table of contents, duplicated block, link dumps, sidebars) set aside, and
 * wrapped lines joined into paragraphs and list items. The stored source never changes.
 */
import type { LoadedSource } from './load.ts';
import { findArtefacts } from './artefacts.ts';
import { buildMarkdownBlocks } from './blocks-markdown.ts';
import { buildTextBlocks, lineWidth } from './blocks-text.ts';
import { prepareLines, type OcrRepairer } from './prepare-lines.ts';
import type { NormalisedSource } from './types.ts';

export function normalise(source: LoadedSource, repairer: OcrRepairer): NormalisedSource {
  const { lines, ocrFixes } = prepareLines(source.lines, {
    markdown: source.markdown,
    pageOfLine: source.pageOfLine,
    repairer,
  });
  const { artefacts, toc } = findArtefacts(lines, source.markdown);
  const excluded = new Array<boolean>(lines.length).fill(false);
  for (const artefact of artefacts) {
    for (let no = artefact.start; no <= artefact.end; no++) excluded[no - 1] = true;
  }
  const width = source.markdown ? Number.POSITIVE_INFINITY : lineWidth(lines);
  const blocks = source.markdown
    ? buildMarkdownBlocks(lines.map((line) => line.full).join('\n'), excluded)
    : buildTextBlocks(lines, excluded, width);
  const result: NormalisedSource = {
    blocks,
    artefacts,
    toc,
    ocrFixes,
    lineWidth: width,
    lineCount: lines.length,
    lines,
    blankLines: lines.map((line) => line.blank),
    markdown: source.markdown,
  };
  if (source.pageOfLine) result.pageOfLine = source.pageOfLine;
  return result;
}
