/** The stated change list when a web page's summary repeats the body's: each change once, none left hanging. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { fixtureEntry, ingestText } from '../../support/helpers.ts';

const PAGE = [
  '# Zorginkoopbeleid 2027',
  '',
  '## Wijzigingen in het kort',
  '',
  '- De volgende voorwaarden zijn toegevoegd:',
  '  - De zorgaanbieder heeft minimaal 2 FTE aan specialisten in dienst.',
  '  - Het zorgaanbod bestaat voor minimaal 75% uit verzekerde zorg.',
  '- De looptijd is nu twee jaar.',
  '',
  '## 1 Wijzigingen ten opzichte van 2026',
  '',
  '- Aan paragraaf 2.3 zijn de volgende voorwaarden toegevoegd:',
  '  - De zorgaanbieder heeft minimaal 2 FTE aan specialisten in dienst.',
  '  - Het zorgaanbod bestaat voor minimaal 75% uit verzekerde zorg.',
  '',
  '## 2 Voorwaarden',
  '',
  'De voorwaarden staan hieronder.',
  '',
].join('\n');

it('keeps the body’s copy of a repeated list, drops the summary’s lead-in with it, and keeps what only the summary says', async () => {
  const document = await ingestText(PAGE, 'pagina.md', fixtureEntry('pagina.md', { careType: 'zbc', year: 2027 }));
  const texts = document.changes.map((change) => change.text);
  assert.ok(!texts.includes('De volgende voorwaarden zijn toegevoegd:'), 'no lead-in left without its items');
  assert.equal(texts.filter((text) => text.startsWith('De zorgaanbieder heeft minimaal 2 FTE')).length, 1);
  assert.ok(texts.includes('De looptijd is nu twee jaar.'), 'what only the summary says stays');
  const leadIn = document.changes.findIndex((change) => change.text.startsWith('Aan paragraaf 2.3'));
  assert.ok(leadIn >= 0);
  assert.equal(
    document.changes.filter((change) => change.parent === leadIn).length,
    2,
    'the body’s items under their lead-in',
  );
});
