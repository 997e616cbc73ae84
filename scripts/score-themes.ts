/**
 * npm run score:themes [-- ANNOTATIONS.yaml] — precision and recall of the theme rules
 * (content/taxonomy/themes.yaml) on hand-annotated sections (default tests/themes/annotations.yaml):
 * the five sources in content/sources/ and the real PDFs in ../shared/real/ when present.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { createPipelineContext, ingestSource } from '../src/ingest/pipeline.ts';
import { readSourceList, readTaxonomy } from '../src/io/read-inputs.ts';
import type { PolicyDocument } from '../src/core/schemas/document.ts';
import { scoreThemes, type ThemeAnnotations } from '../tests/eval/score-themes.ts';
import { config } from '../src/io/config.ts';

const annotationsFile = process.argv[2] ?? 'tests/themes/annotations.yaml';
const display = (path: string) => relative(process.cwd(), path);
const taxonomy = await readTaxonomy('content/taxonomy', display);
const context = createPipelineContext(taxonomy);
const documents: PolicyDocument[] = [];
for (const entry of await readSourceList('content/sources/sources.yaml', taxonomy, display)) {
  documents.push(
    await ingestSource(
      { file: entry.file, bytes: new Uint8Array(readFileSync(join('content/sources', entry.file))), entry },
      context,
    ),
  );
}
const real = config().realDocumentsDir;
if (existsSync(real)) {
  for (const name of readdirSync(real).filter((file) => file.endsWith('.pdf'))) {
    documents.push(
      await ingestSource({ file: join(real, name), bytes: new Uint8Array(readFileSync(join(real, name))) }, context),
    );
  }
}
const annotations = parse(readFileSync(annotationsFile, 'utf8')) as ThemeAnnotations;
const result = scoreThemes(documents, annotations);
console.log(`${result.judged} annotated sections judged (${result.missing.length} not in the corpus)`);
console.log('theme                 precision  recall   tp  fp  fn');
for (const score of result.scores) {
  console.log(
    `${score.theme.padEnd(22)}${score.precision.toFixed(2).padStart(9)}${score.recall.toFixed(2).padStart(8)}${String(score.truePositives).padStart(5)}${String(score.falsePositives).padStart(4)}${String(score.falseNegatives).padStart(4)}`,
  );
}
for (const line of result.disagreements) console.log(`  ${line}`);
for (const section of result.missing) console.log(`  not found: ${section}`);
