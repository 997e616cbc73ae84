/** Which of a hit's places the search page opens and lists (src/client/lib/places.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { oneCareType, placesWithin } from '../../src/client/lib/places.ts';
import { decodePlaces, encodePlaces, placeLabel } from '../../src/core/search-contract.ts';

const place = (careType: string, year: number) => ({
  policy: `cz-${year}-${careType}`,
  section: 'kavels',
  careType,
  year,
  careTypeName: careType.toUpperCase(),
});
const places = [place('msz', 2027), place('ggz', 2027), place('msz', 2026), place('ggz', 2026)];

describe('placesWithin', () => {
  it('keeps every place without filters, in the record’s order', () => {
    assert.deepEqual(placesWithin(places, {}), places);
  });

  it('keeps the places of the chosen care types, years and policy', () => {
    assert.deepEqual(placesWithin(places, { zorgsoort: { any: ['ggz'] } }), [places[1], places[3]]);
    assert.deepEqual(placesWithin(places, { jaar: { any: ['2026'] }, zorgsoort: { any: ['msz'] } }), [places[2]]);
    assert.deepEqual(placesWithin(places, { beleid: { any: ['cz-2026-ggz'] } }), [places[3]]);
    assert.deepEqual(placesWithin(places, { jaar: { any: ['2025'] } }), []);
  });

  it('ignores filters a place does not carry (insurer, theme: the record’s own)', () => {
    assert.deepEqual(placesWithin(places, { thema: { any: ['duurzaamheid'] } }), places);
  });
});

describe('oneCareType', () => {
  it('says whether all places are of the first one’s care type', () => {
    assert.equal(oneCareType([places[0]!, places[2]!]), true);
    assert.equal(oneCareType(places), false);
  });
});

describe('a record’s places in its meta', () => {
  it('come back as they went in, and are named with the insurer', () => {
    assert.deepEqual(decodePlaces(encodePlaces(places)), places);
    assert.deepEqual(decodePlaces(undefined), []);
    assert.equal(placeLabel('CZ groep', places[1]!), 'CZ groep · GGZ 2027');
  });
});
