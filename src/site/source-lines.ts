/**
 * The lines of a policy's stored source, numbered as the ingest numbered them, for the source
 * view: a PDF's text layer as kept with the document, a text source decoded as the load stage
 * decodes it (so a Windows-1252 file shows the characters its citations point into).
 */
import type { PolicyDocument } from '../core/schemas/document.ts';
import { splitLines } from '../core/text.ts';
import { decodeText } from '../ingest/load/decode-text.ts';
import { readSourceFile } from '../io/source-files.ts';

export function sourceLines(document: PolicyDocument): string[] {
  if (document.ingest.textLayer) return document.ingest.textLayer.lines;
  const file = document.source.file;
  return splitLines(
    decodeText(
      readSourceFile(file, (path) => path),
      file,
    ).text,
  );
}
