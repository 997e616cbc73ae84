/** A search record's HTML (src/search/record-html.ts): what Pagefind is given to weigh and filter. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALIAS_MARKER } from '../../src/core/search-contract.ts';
import { HEADING_PATH_WEIGHT, POLICY_WEIGHT, searchRecordHtml } from '../../src/search/record-html.ts';

const record = {
  url: '/beleid/cz-2025-msz/#prostaatkanker',
  heading: '2.2.2 Prostaatkanker & <maag>',
  text: 'Sinds enkele jaren voert de stichting "zorgconcepten" uit.',
  headingPath: ['Stichting Egidius Zorgconcepten', 'Kwaliteit'],
  policyWords: ['CZ groep', 'CZ', 'Medisch-specialistische zorg', '2025'],
  aliases: ['zorg', 'concepten'],
  meta: {
    title: '2.2.2 Prostaatkanker & <maag>',
    insurer: 'CZ groep',
    kop: 'Prostaatkanker & <maag>',
    plaatsen: '[]',
  },
  filters: { verzekeraar: ['cz'], jaar: ['2025'], thema: ['kwaliteit', 'bekostiging'], beleid: ['cz-2025-msz'] },
};

describe('searchRecordHtml', () => {
  const html = searchRecordHtml(record);

  it('escapes the text and keeps the heading as the record’s first words', () => {
    assert.match(html, /<h1>2\.2\.2 Prostaatkanker &#x26; &#x3C;maag><\/h1>/u);
    // No element is opened by the text (inside an attribute value, "<" is plain text).
    assert.ok(!html.includes('</maag>'));
    assert.ok(!/>[^<"]*<maag>/u.test(html));
  });

  it('puts the heading path and the policy after the alias marker, weighed less than the heading', () => {
    const marker = html.indexOf(ALIAS_MARKER);
    assert.ok(marker > html.indexOf('Sinds enkele jaren'));
    const path = html.indexOf('Stichting Egidius Zorgconcepten › Kwaliteit');
    assert.ok(path > marker);
    assert.match(html, new RegExp(`data-pagefind-weight="${HEADING_PATH_WEIGHT}">Stichting Egidius`, 'u'));
    assert.match(html, new RegExp(`data-pagefind-weight="${POLICY_WEIGHT}">CZ groep CZ Medisch`, 'u'));
    assert.ok(HEADING_PATH_WEIGHT < 7 && POLICY_WEIGHT < 1);
    assert.ok(html.indexOf('zorg concepten') > marker);
  });

  it('tags every filter value and the meta, and no sort key (the search page orders by year without one)', () => {
    for (const [facet, values] of Object.entries(record.filters))
      for (const value of values)
        assert.ok(html.includes(`data-pagefind-filter="${facet}[content]" content="${value}"`));
    assert.ok(html.includes('data-pagefind-meta="insurer[content]" content="CZ groep"'));
    assert.ok(html.includes('data-pagefind-meta="kop[content]"'));
    // A sort key costs every shard's meta (loaded before the first query) a list of all its records.
    assert.ok(!html.includes('data-pagefind-sort'));
  });

  it('leaves out an empty heading path and empty aliases', () => {
    const bare = searchRecordHtml({ ...record, headingPath: [], aliases: [] });
    assert.ok(!bare.includes(`data-pagefind-weight="${HEADING_PATH_WEIGHT}"`));
    assert.ok(!bare.includes('zorg concepten'));
  });
});
