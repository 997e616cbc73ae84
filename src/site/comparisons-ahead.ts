/**
 * The comparisons the pages will show, made and kept (src/io/build-cache.ts) by a process of its
 * own while Astro renders the pages that come before them: on two cores, when the pages render
 * alone, the other core is otherwise idle, and the pages then read each comparison instead of
 * making it. Every pair compared is of one insurer, so one insurer's policies are in memory at a
 * time, in the order the pages ask for them: each insurer's history, then its versions.
 */
import { consecutiveVersionPairs, insurerStepPairs } from '../analysis/history.ts';
import type { PolicyDocument } from '../core/schemas/document.ts';
import { config } from '../io/config.ts';
import { corpusFilesOf, loadDocuments } from '../io/corpus.ts';
import { readTaxonomy } from '../io/read-inputs.ts';
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

/** Makes and keeps every comparison the pages show; how many there are. */
export async function makeComparisonsAhead(): Promise<number> {
  const settings = config();
  const taxonomy = await readTaxonomy(settings.taxonomyDir);
  let made = 0;
  for (const { slug } of taxonomy.insurers) {
    const documents = loadDocuments(corpusFilesOf(slug, settings.corpusDir)).filter(
      (document) => document.insurer === slug,
    );
    // One per insurer: what it learnt of the words goes with its policies.
    const comparisons = keptComparisons();
    for (const [from, to] of comparedPairs(documents, slug)) {
      comparisons.keep(from, to);
      made++;
    }
  }
  return made;
}
