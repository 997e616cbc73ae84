/**
 * The change log across the corpus: the insurers' own stated changes, and the changes the text
 * shows between consecutive versions of a policy; newest first. Each entry links to its section
 * and, for detected changes, to the diff.
 */
import { isUnstated, type Comparison } from './compare.ts';
import { Comparisons, consecutiveVersionPairs } from './history.ts';
import type { PolicyDocument, Section } from '../core/schemas/document.ts';
import { excerpt, sectionLabel } from '../core/labels.ts';
import { paths } from '../core/routes.ts';

export interface ChangeLogEntry {
  key: string;
  kind: 'stated' | 'detected';
  document: PolicyDocument;
  /** The earlier version, for detected changes. */
  from: PolicyDocument | null;
  title: string;
  text: string;
  sectionUrl: string | null;
  diffUrl: string | null;
  themes: string[];
  /** Detected but not in the policy's own change list. */
  unstated: boolean;
}

const STATUS_LABEL = {
  changed: 'Gewijzigd',
  added: 'Toegevoegd',
  removed: 'Verwijderd',
  moved: 'Verplaatst',
  unchanged: 'Ongewijzigd',
} as const;
export const statusLabel = (status: keyof typeof STATUS_LABEL) => STATUS_LABEL[status];

/**
 * How the caller keeps the changes detected between two versions from one build to the next:
 * `compute()`, or what it returned before for the same two documents. Comparing every pair is
 * most of a change log's work, and after one policy changed most pairs compare as before.
 */
export type KeepDetected = (
  from: PolicyDocument,
  to: PolicyDocument,
  compute: () => DetectedChange[],
) => DetectedChange[];

const computeNow: KeepDetected = (_from, _to, compute) => compute();

/** Every change, stated by an insurer or detected in the text, newest first. */
export function buildChangeLog(
  documents: PolicyDocument[],
  keep: KeepDetected = computeNow,
  comparisons: Comparisons = new Comparisons(),
): ChangeLogEntry[] {
  const entries: ChangeLogEntry[] = [];
  for (const document of documents) {
    for (const location of comparisons.statedChanges(document)) {
      const change = document.changes[location.change]!;
      if (change.parent !== undefined) continue; // nested items are shown with their parent
      const nested = document.changes
        .filter((other) => other.parent === location.change)
        .map((other) => `– ${other.text}`);
      const section: Section | undefined =
        location.section ?? document.sections.find((candidate) => candidate.id === change.section);
      entries.push({
        key: `${document.id}-v${location.change}`,
        kind: 'stated',
        document,
        from: null,
        title: section ? sectionLabel(section) : 'Wijziging',
        text: [change.text, ...nested].join(' '),
        sectionUrl: section ? paths.section(document.id, section.id) : null,
        diffUrl: null,
        themes: section?.themes ?? [],
        unstated: false,
      });
    }
  }
  for (const [from, to] of consecutiveVersionPairs(documents)) {
    const detected = keep(from, to, () => detectedChanges(comparisons.of(from, to)));
    for (const entry of detected) entries.push({ ...entry, kind: 'detected', document: to, from });
  }
  return entries.sort(
    (a, b) =>
      b.document.year - a.document.year ||
      a.document.insurer.localeCompare(b.document.insurer) ||
      a.document.careType.localeCompare(b.document.careType) ||
      (a.kind === b.kind ? 0 : a.kind === 'stated' ? -1 : 1),
  );
}

export type DetectedChange = Omit<ChangeLogEntry, 'kind' | 'document' | 'from'>;

/** The changes the text shows between two versions, one entry per section that changed. */
function detectedChanges(comparison: Comparison): DetectedChange[] {
  const { from, to } = comparison;
  return comparison.pairs
    .filter((pair) => pair.status !== 'unchanged')
    .map((pair) => {
      const section = pair.new ?? pair.old!;
      const owner = pair.new ? to : from;
      const words = pair.diff ? `+${pair.diff.wordsAdded} / −${pair.diff.wordsRemoved} woorden` : 'tekst ongewijzigd';
      const added =
        pair.diff?.parts
          .filter((part) => part.kind === 'added')
          .map((part) => part.value)
          .join(' … ') ?? '';
      return {
        key: `${to.id}-d-${pair.anchor}`,
        title: `${statusLabel(pair.status)}: ${sectionLabel(section)}`,
        text: `${words}${added ? `: ${excerpt(added, 200)}` : ''}`,
        sectionUrl: paths.section(owner.id, section.id),
        diffUrl: `${paths.comparison(comparison)}#${pair.anchor}`,
        themes: section.themes,
        unstated: isUnstated(comparison, pair),
      };
    });
}

/**
 * The date a change became public, for feeds: insurers must publish the policy for year T by a
 * set day of T-1 (1 April: Regeling transparantie zorginkoopproces Zvw), the `legalPublication`
 * of content/taxonomy/milestones.yaml, so that is the date used.
 */
export function publicationDate(document: PolicyDocument, legalPublication: { month: number; day: number }): Date {
  return new Date(Date.UTC(document.year - 1, legalPublication.month - 1, legalPublication.day));
}
