/** Policy documents as lists: the corpus's order and the summary the data contract lists them by. */
import { paths } from './routes.ts';
import type { DocumentSummary, PolicyDocument } from './schemas/document.ts';

/** The corpus's order: by insurer, newest year first, then care type. */
export function corpusOrder(
  a: Pick<PolicyDocument, 'insurer' | 'year' | 'careType'>,
  b: Pick<PolicyDocument, 'insurer' | 'year' | 'careType'>,
): number {
  return a.insurer.localeCompare(b.insurer) || b.year - a.year || a.careType.localeCompare(b.careType);
}

export function toSummary(document: PolicyDocument): DocumentSummary {
  return {
    id: document.id,
    insurer: document.insurer,
    year: document.year,
    careType: document.careType,
    title: document.title,
    url: paths.policy(document.id),
    sectionCount: document.sections.length,
  };
}
