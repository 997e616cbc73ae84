/**
 * npm run score:structure -- FILE EXPECTED.headings.json
 *
 * Ingests one source (metadata detected, as for a new policy) and scores its structure against
 * the expected headings: numbered headings found, exact titles, levels and parents, unnumbered
 * chapters, table-of-contents or page-number lines taken for sections, and the metadata.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { createPipelineContext, ingestSource } from '../src/ingest/pipeline.ts';
import { readTaxonomy } from '../src/io/read-inputs.ts';
import { scoreStructure, type ExpectedStructure } from '../tests/eval/score-structure.ts';

const [file, expectedFile] = process.argv.slice(2);
if (!file || !expectedFile) {
  console.error('usage: npm run score:structure -- FILE EXPECTED.headings.json');
  process.exit(2);
}
const taxonomy = await readTaxonomy('content/taxonomy', (path) => relative(process.cwd(), path));
const document = await ingestSource(
  { file, bytes: new Uint8Array(readFileSync(file)) },
  createPipelineContext(taxonomy),
);
const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as ExpectedStructure;
const score = scoreStructure(document, expected);
const percent = (part: number, whole: number) =>
  `${part}/${whole} (${whole ? ((100 * part) / whole).toFixed(1) : '–'}%)`;
console.log(`${document.id}: ${document.sections.length} sections`);
console.log(`numbered headings found   ${percent(score.numbered.found, score.numbered.expected)}`);
console.log(`  exact title             ${percent(score.numbered.exactTitle, score.numbered.expected)}`);
console.log(`  right level             ${percent(score.numbered.rightLevel, score.numbered.expected)}`);
console.log(`  right parent            ${percent(score.numbered.rightParent, score.numbered.expected)}`);
console.log(`unnumbered chapters found ${percent(score.unnumbered.found, score.unnumbered.expected)}`);
console.log(
  `furniture as sections     ${score.furnitureSections.length}${score.furnitureSections.length ? `: ${score.furnitureSections.join(' | ')}` : ''}`,
);
console.log(
  `extra numbered sections   ${score.extraNumbered.length}${score.extraNumbered.length ? `: ${score.extraNumbered.join(' | ')}` : ''}`,
);
console.log(
  `metadata                  ${Object.entries(score.metadata)
    .map(([key, ok]) => `${key} ${ok ? 'ok' : 'WRONG'}`)
    .join(
      ', ',
    )} (${document.insurer} ${document.year}${document.yearEnd ? `-${document.yearEnd}` : ''} ${document.careType})`,
);
const untagged = document.sections.filter((section) => section.level > 0 && section.themes.length === 0).length;
console.log(`sections without a theme  ${untagged}`);
for (const miss of score.misses) console.log(`  - ${miss}`);
