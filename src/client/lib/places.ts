/**
 * Which of a hit's places the search page shows: a record's text may be in several policies
 * (src/search/records.ts), and the reader's filters on care type, year or one policy choose
 * among them. The first place left is where the hit opens; the others are listed with it.
 */
import { POLICY_FILTER, type SectionPlace } from '../../core/search-contract.ts';

export type ChosenFilters = Partial<Record<string, { any: string[] }>>;

/** The places the chosen filters allow, in the record's order; every place when none is chosen. */
export function placesWithin(places: readonly SectionPlace[], filters: ChosenFilters): SectionPlace[] {
  const allows = (facet: string, value: string) => !filters[facet] || filters[facet].any.includes(value);
  return places.filter(
    (place) =>
      allows('zorgsoort', place.careType) && allows('jaar', String(place.year)) && allows(POLICY_FILTER, place.policy),
  );
}

/** Whether every other place is in the first one's care type (then its years say enough). */
export function oneCareType(places: readonly SectionPlace[]): boolean {
  return places.every((place) => place.careType === places[0]?.careType);
}
