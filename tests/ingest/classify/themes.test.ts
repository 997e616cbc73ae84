/**
 * Themes on text the rules were not written for: precision and recall on hand-annotated sections
 * (tests/themes/annotations.yaml: the five sources and, where present, the real PDF), and the
 * duurzaamheid sub-topics on passages of each kind. Measured with `npm run score:themes`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { ingestSource } from '../../../src/ingest/pipeline.ts';
import { scoreThemes, type ThemeAnnotations } from '../../eval/score-themes.ts';
import { compileKeywordRules, foldForMatching } from '../../../src/core/keyword-rules.ts';
import { topicLabels } from '../../../src/ingest/classify/topic-labels.ts';
import { CORPUS_FILES, ingestCorpusFile, loadTaxonomy, pipelineContext, ROOT } from '../../support/helpers.ts';

const annotations = parse(readFileSync(join(ROOT, 'tests', 'themes', 'annotations.yaml'), 'utf8')) as ThemeAnnotations;
const REAL = process.env.ATLAS_REAL_DOCUMENTS ?? join(ROOT, '..', 'shared', 'real');

async function documents() {
  const all = await Promise.all(CORPUS_FILES.map((file) => ingestCorpusFile(file)));
  if (existsSync(REAL)) {
    for (const name of readdirSync(REAL).filter((file) => file.endsWith('.pdf'))) {
      all.push(
        await ingestSource(
          { file: `real/${name}`, bytes: new Uint8Array(readFileSync(join(REAL, name))) },
          pipelineContext(),
        ),
      );
    }
  }
  return all;
}

describe('themes', () => {
  it('passende zorg, dure geneesmiddelen and duurzaamheid hold on the annotated sample', async () => {
    const result = scoreThemes(await documents(), annotations);
    assert.ok(result.judged >= 150 || !existsSync(REAL), `${result.judged} sections judged`);
    const score = (theme: string) => result.scores.find((entry) => entry.theme === theme)!;
    const detail = result.disagreements.join('\n');
    for (const theme of annotations.scope) {
      assert.ok(
        score(theme).precision >= 0.85 && score(theme).recall >= 0.85,
        `${theme}: ${JSON.stringify(score(theme))}\n${detail}`,
      );
    }
  });

  it('puts a duurzaamheid passage under the sub-topic it is about', () => {
    const theme = loadTaxonomy().themes.find((candidate) => candidate.slug === 'duurzaamheid')!;
    const rules = compileKeywordRules(theme.subtopics);
    const best = (text: string) => rules.score([{ text: foldForMatching(text), factor: 1 }])[0]?.slug;
    assert.equal(
      best('De zorgsector veroorzaakt 7% van de CO2-uitstoot, 13% van het grondstofverbruik en 4% van het afval.'),
      'co2-route',
    );
    assert.equal(
      best('Wij vragen u een routekaart op te stellen om de uitstoot van broeikasgassen te halveren.'),
      'co2-route',
    );
    assert.equal(best('Scheid restafval en beperk het gebruik van disposables.'), 'afval-grondstoffen');
    assert.equal(best('Rapporteer vanaf 2026 conform de CSRD in uw jaarverslag.'), 'csrd-rapportage');
    assert.equal(best('Stel een mobiliteitsplan op voor medewerkers en bezoekers.'), 'mobiliteit');
  });

  it('reads short list items and enumerated topics as labels, not prose', () => {
    assert.deepEqual(topicLabels('Wij kiezen vier thema’s:\n- Passende zorg\n- Verduurzaming van de zorgsector'), [
      'Passende zorg',
      'Verduurzaming van de zorgsector',
    ]);
    assert.deepEqual(
      topicLabels('Deze thema’s zijn: innovatieve zorg, passende zorg, duurzaamheid en digitale zorg.'),
      ['innovatieve zorg', 'passende zorg', 'duurzaamheid', 'digitale zorg'],
    );
    // A sentence with commas is not an enumeration of topics.
    assert.deepEqual(
      topicLabels(
        'Wij vinden, zoals eerder gezegd, dat zorgaanbieders die passende zorg leveren daarvoor beloond moeten worden.',
      ),
      [],
    );
  });
});
