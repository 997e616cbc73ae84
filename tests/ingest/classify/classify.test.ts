/** The classify stage with a made-up theme list: themes come from the data, titles weigh more than text. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createThemeClassifier } from '../../../src/ingest/classify/classify.ts';

const THEMES = [
  {
    slug: 'vervoer',
    label: 'Vervoer',
    description: 'Ziekenvervoer',
    keywords: { taxivervoer: 3, ambulance: 2 },
    subtopics: [],
  },
  {
    slug: 'groen',
    label: 'Groen',
    description: 'Duurzaamheid',
    keywords: { duurzaamheid: 3, 'co2-uitstoot': 3 },
    subtopics: [],
  },
];
const SETTINGS = { minScore: 3, relativeScore: 0.5, maxThemes: 2 };

describe('classify', () => {
  const classifier = createThemeClassifier(THEMES, SETTINGS);

  it('finds a theme by its keywords in the title, where one hit is enough', () => {
    assert.deepEqual(classifier.classify('Taxivervoer', 'Voorwaarden voor de rit.'), ['vervoer']);
  });

  it('needs more than one passing mention in the body', () => {
    assert.deepEqual(classifier.classify('Algemeen', 'Soms is er een ambulance nodig.'), []);
    assert.deepEqual(classifier.classify('Algemeen', 'Duurzaamheid telt. Wij meten de CO2-uitstoot per rit.'), [
      'groen',
    ]);
  });

  it('gives nothing for a section about none of the themes', () => {
    assert.deepEqual(classifier.classify('Leeswijzer', 'Per hoofdstuk staat een onderwerp.'), []);
  });

  it('ranks by score, and the title counts more than the body', () => {
    const scores = classifier.scores('Duurzaamheid', 'Taxivervoer.');
    assert.deepEqual(
      scores.map((s) => s.slug),
      ['groen', 'vervoer'],
    );
  });
});
