/**
 * What the pages read that another process makes ahead of them: every comparison the history and
 * version pages show, and every calendar event as iCalendar text. Made and kept
 * (src/io/build-cache.ts) while Astro renders the pages that come before them: on two cores, when
 * the pages render alone, the other core is otherwise idle, and the pages then read each instead
 * of making it. Events and comparisons are each of one insurer, so one insurer's policies are in
 * memory at a time: first every insurer's events (the calendar's files come first, and the one of
 * all insurers needs them all), then each insurer's history, then its versions. Each insurer's
 * policies are so read twice, a second of the core that is idle otherwise.
 */
import { buildCalendar } from '../analysis/calendar.ts';
import { consecutiveVersionPairs, insurerStepPairs } from '../analysis/history.ts';
import type { PolicyDocument } from '../core/schemas/document.ts';
import { config } from '../io/config.ts';
import { corpusFilesOf, loadDocuments } from '../io/corpus.ts';
import { readTaxonomy } from '../io/read-inputs.ts';
import { calendarOptions, keptEventTexts } from './calendar-files.ts';
import { keptComparisons } from './site.ts';

/** The pairs of one insurer's policies that its pages compare, each once: its history's steps, then its versions. */
export function comparedPairs(documents: PolicyDocument[], insurer: string): Array<[PolicyDocument, PolicyDocument]> {
  const seen = new Set<string>();
  const pairs: Array<[PolicyDocument, PolicyDocument]> = [];
  const add = (from: PolicyDocument, to: PolicyDocument) => {
    const key = `${from.id}\u0000${to.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push([from, to]);
  };
  for (const { from, to } of insurerStepPairs(documents, insurer)) add(from, to);
  const own = documents.filter((document) => document.insurer === insurer);
  for (const [from, to] of consecutiveVersionPairs(own)) add(from, to);
  return pairs;
}

/** Makes and keeps every calendar event and comparison the pages show; how many of each. */
export async function makeAhead(): Promise<{ events: number; comparisons: number }> {
  const settings = config();
  const taxonomy = await readTaxonomy(settings.taxonomyDir);
  // As Astro names it (its `site`, from the same setting).
  const siteUrl = new URL(settings.siteUrl).href;
  const policiesOf = (insurer: string) =>
    loadDocuments(corpusFilesOf(insurer, settings.corpusDir)).filter((document) => document.insurer === insurer);
  const made = { events: 0, comparisons: 0 };
  for (const { slug } of taxonomy.insurers) {
    const documents = policiesOf(slug);
    if (documents.length === 0) continue;
    const milestones = buildCalendar(documents, taxonomy.milestones);
    keptEventTexts(documents, milestones, calendarOptions(taxonomy, siteUrl, ''));
    made.events += milestones.length;
  }
  for (const { slug } of taxonomy.insurers) {
    const documents = policiesOf(slug);
    // One per insurer: what it learnt of the words goes with its policies.
    const comparisons = keptComparisons();
    for (const [from, to] of comparedPairs(documents, slug)) {
      comparisons.keep(from, to);
      made.comparisons++;
    }
  }
  return made;
}
