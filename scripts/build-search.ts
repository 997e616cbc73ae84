/**
 * npm run build, last step: the Pagefind index in dist/pagefind, one record per policy section
 * (so a hit opens the policy at that section, and the theme filter is the section's own).
 * Content is the section's repaired text (OCR noise fixed), plus the parts of Dutch compound
 * words after a marker the search page cuts excerpts at.
 */
import * as pagefind from 'pagefind';
import { loadCorpus } from '../src/lib/corpus.ts';
import { buildLexicon, compoundAliases } from '../src/lib/compounds.ts';
import { readTaxonomy } from '../src/lib/read-inputs.ts';
import { paths, sectionLabel } from '../src/lib/site.ts';
import { stripLinks } from '../src/lib/text.ts';

/** Shared with public/js/search.js: excerpt text after it is search aliases, not policy text. */
export const ALIAS_MARKER = '⁂';

const outputPath = process.argv[2] ?? 'dist/pagefind';
/** Records sent to the indexer before waiting for one to come back. */
const IN_FLIGHT = 256;

function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const taxonomy = await readTaxonomy('content/taxonomy');
  const documents = loadCorpus();
  const insurerName = new Map(taxonomy.insurers.map((insurer) => [insurer.slug, insurer.name]));
  const careTypeName = new Map(taxonomy.careTypes.map((careType) => [careType.slug, careType.name]));
  const lexicon = buildLexicon(documents.flatMap((document) => document.sections.map((section) => `${section.title} ${section.text}`)));
  const memo = new Map<string, string[]>();

  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nl' });
  check('createIndex', errors);
  try {
    // Records go to Pagefind's indexer (a separate process) many at a time: one by one, each
    // waited for, the build spent most of its time waiting on the round trip.
    const inFlight = new Set<Promise<void>>();
    let records = 0;
    for (const document of documents) {
      const policy = `${insurerName.get(document.insurer)} · ${careTypeName.get(document.careType)} ${document.year}`;
      for (const section of document.sections) {
        const plain = stripLinks(section.text);
        if (section.level === 0 && plain.trim() === '') continue;
        const heading = sectionLabel(section);
        const aliases = compoundAliases(`${heading} ${plain}`, lexicon, memo);
        const content = `${heading}\n${plain}${aliases.length ? `\n${ALIAS_MARKER} ${aliases.join(' ')}` : ''}`;
        const added = index!
          .addCustomRecord({
            url: paths.section(document.id, section.id),
            content,
            language: 'nl',
            meta: { title: heading, policy },
            filters: {
              verzekeraar: [document.insurer],
              jaar: [String(document.year)],
              zorgsoort: [document.careType],
              ...(section.themes.length ? { thema: section.themes } : {}),
            },
          })
          .then((result) => check(`record ${document.id}#${section.id}`, result.errors));
        const tracked: Promise<void> = added.finally(() => inFlight.delete(tracked));
        inFlight.add(tracked);
        records++;
        if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
      }
    }
    await Promise.all(inFlight);
    const written = await index!.writeFiles({ outputPath });
    check('writeFiles', written.errors);
    console.log(`Search index: ${records} sections of ${documents.length} documents → ${outputPath} in ${(performance.now() - started).toFixed(0)} ms`);
  } finally {
    await pagefind.close();
  }
}

await main();
