/** Labels the pages and scripts print (src/core/labels.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sectionCitationText } from '../../src/core/labels.ts';

describe('sectionCitationText', () => {
  it('names policy, section, source lines, permanent URL and the day', () => {
    assert.equal(
      sectionCitationText({
        policy: 'CZ groep, Zorginkoopbeleid Medisch-specialistische zorg 2025 (2025)',
        section: '2.2.3.1 Zorgomzet en kavels',
        source: 'regels 481–490',
        url: 'https://example.nl/beleid/cz-2025-msz/#kavels',
        consulted: '2026-12-01',
      }),
      'CZ groep, Zorginkoopbeleid Medisch-specialistische zorg 2025 (2025), 2.2.3.1 Zorgomzet en kavels, ' +
        'regels 481–490. https://example.nl/beleid/cz-2025-msz/#kavels (geraadpleegd op 1 december 2026)',
    );
  });
});
