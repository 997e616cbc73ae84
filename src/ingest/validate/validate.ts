/**
 * Stage 6, validate: the document matches the public schema and keeps the invariants of
 * the data contract (lossless line spans, parents before children, changes and deadlines inside
 * their section). A failure here is a pipeline bug, never bad input, so it throws InvariantError.
 */
import { InvariantError } from '../../core/errors.ts';
import { PolicyDocumentSchema, type PolicyDocument } from '../../core/schemas/document.ts';

export function validateDocument(document: PolicyDocument, blankLines: boolean[]): void {
  const parsed = PolicyDocumentSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvariantError(
      `${document.id}: output does not match the schema at ${issue.path.join('.')}: ${issue.message}`,
    );
  }
  const lineCount = blankLines.length;
  const ids = new Set<string>();
  let previousEnd = 0;
  for (const section of document.sections) {
    const [start, end] = section.lines;
    if (ids.has(section.id)) throw new InvariantError(`${document.id}: section id "${section.id}" is not unique`);
    if (section.parent !== null && !ids.has(section.parent)) {
      throw new InvariantError(
        `${document.id}: section "${section.id}" has parent "${section.parent}" that does not precede it`,
      );
    }
    ids.add(section.id);
    if (start > end || end > lineCount)
      throw new InvariantError(`${document.id}: section "${section.id}" spans lines ${start}–${end} of ${lineCount}`);
    // Lossless: spans are in order, never overlap, and no non-blank line falls between them.
    if (start <= previousEnd)
      throw new InvariantError(`${document.id}: section "${section.id}" overlaps the one before it (line ${start})`);
    for (let line = previousEnd + 1; line < start; line++) {
      if (!blankLines[line - 1]) throw new InvariantError(`${document.id}: non-blank line ${line} is in no section`);
    }
    previousEnd = end;
  }
  for (let line = previousEnd + 1; line <= lineCount; line++) {
    if (!blankLines[line - 1])
      throw new InvariantError(`${document.id}: non-blank line ${line} after the last section is in no section`);
  }
  const spanOf = new Map(document.sections.map((section) => [section.id, section.lines]));
  const within = (id: string | null, from: number, to: number) => {
    const span = id ? spanOf.get(id) : undefined;
    return span !== undefined && span[0] <= from && to <= span[1];
  };
  for (const change of document.changes) {
    if (!within(change.section, change.lines[0], change.lines[1])) {
      throw new InvariantError(
        `${document.id}: stated change on lines ${change.lines.join('–')} lies outside its section ${change.section}`,
      );
    }
  }
  for (const deadline of document.deadlines) {
    if (!within(deadline.section, deadline.line, deadline.line)) {
      throw new InvariantError(
        `${document.id}: deadline on line ${deadline.line} lies outside its section ${deadline.section}`,
      );
    }
  }
}
