/**
 * The search records of a corpus: one per section text of one insurer, however many of its
 * policies hold that text. An insurer's policy for one care type is mostly last year's, and its
 * policies for different care types share whole chapters; a record per copy made the index (and
 * what a search page loads before its first query) grow with the copies, and filled the top of a
 * result list with the same paragraph five times. A record lists every place its text is in.
 *
 * Sections are the same text when heading, themes and text are equal, letter for letter. A
 * record's places always form a grid, every care type it names in every year it names, so that
 * Pagefind's filters on care type and year, which match a record when it has each value chosen,
 * never match one whose only places are in other combinations.
 */
import type { PolicyDocument, Section } from '../core/schemas/document.ts';
import { hasSearchRecord, type SectionPlace } from '../core/search-contract.ts';
import { selfAndAncestors } from '../core/sections.ts';
import { stripLinks } from '../core/text.ts';
import { sectionLabel } from '../core/labels.ts';
import { sha256 } from '../core/hash.ts';

/** A policy with the name of its care type, as its records' places carry it. */
export interface PolicyForSearch {
  document: PolicyDocument;
  careTypeName: string;
}

export interface SearchRecordDraft {
  insurer: string;
  /** The heading as shown: number and title. */
  heading: string;
  /** The title without its number. */
  title: string;
  /** The text without links. */
  text: string;
  themes: string[];
  /** The distinct titles of the sections its places sit in, sorted (the same whatever the order read). */
  headingPath: string[];
  /** Newest year first; the first is where a hit opens unless a filter chooses another. */
  places: SectionPlace[];
}

/** The order of a record's places: newest year, then care type, policy and section. */
export function placeOrder(a: SectionPlace, b: SectionPlace): number {
  return (
    b.year - a.year ||
    a.careType.localeCompare(b.careType) ||
    a.policy.localeCompare(b.policy) ||
    a.section.localeCompare(b.section)
  );
}

interface Gathered {
  insurer: string;
  section: Section;
  text: string;
  headingPath: Set<string>;
  places: SectionPlace[];
}

/** The records of `policies` (read one at a time: only each distinct text is kept). */
export function collectSearchRecords(policies: Iterable<PolicyForSearch>): SearchRecordDraft[] {
  const gatherer = new SearchRecordGatherer();
  for (const policy of policies) gatherer.add(policy);
  return gatherer.drafts();
}

/**
 * Records gathered policy by policy, in any order (the records come out the same): a build that
 * keeps some insurers' records (records-cache.ts) feeds only the policies of the others.
 */
export class SearchRecordGatherer {
  private readonly byText = new Map<string, Gathered>();

  add({ document, careTypeName }: PolicyForSearch): void {
    const byId = new Map(document.sections.map((section) => [section.id, section]));
    for (const section of document.sections) {
      if (!hasSearchRecord(section)) continue;
      const text = stripLinks(section.text);
      // A hash, not the text itself: as a key the text would be held twice.
      const key = sha256([document.insurer, sectionLabel(section), section.themes.join(' '), text].join('\0'));
      let gathered = this.byText.get(key);
      if (!gathered) {
        gathered = { insurer: document.insurer, section, text, headingPath: new Set(), places: [] };
        this.byText.set(key, gathered);
      }
      for (const ancestor of [...selfAndAncestors(section, byId)].slice(1)) gathered.headingPath.add(ancestor.title);
      gathered.places.push({
        policy: document.id,
        section: section.id,
        careType: document.careType,
        year: document.year,
        careTypeName,
      });
    }
  }

  /** The records of every policy added, by insurer, then newest place first. */
  drafts(): SearchRecordDraft[] {
    const records: SearchRecordDraft[] = [];
    for (const { insurer, section, text, headingPath, places } of this.byText.values())
      for (const grid of grids(places))
        records.push({
          insurer,
          heading: sectionLabel(section),
          title: section.title,
          text,
          themes: section.themes,
          headingPath: [...headingPath].sort(),
          places: grid.sort(placeOrder),
        });
    return records.sort(draftOrder);
  }
}

/** The order of insurers among the records. */
export const insurerOrder = (a: string, b: string): number => a.localeCompare(b);

/** The order of records: by insurer, then by their first (newest) place. */
function draftOrder(a: SearchRecordDraft, b: SearchRecordDraft): number {
  return insurerOrder(a.insurer, b.insurer) || placeOrder(a.places[0]!, b.places[0]!);
}

/**
 * The places split into grids: care types with the same years go together (each care type's
 * places in one grid, so a grid is every year it names for every care type it names).
 */
export function grids(places: readonly SectionPlace[]): SectionPlace[][] {
  const yearsOf = new Map<string, Set<number>>();
  for (const place of places) {
    const years = yearsOf.get(place.careType) ?? new Set<number>();
    yearsOf.set(place.careType, years.add(place.year));
  }
  const bySignature = new Map<string, SectionPlace[]>();
  for (const place of places) {
    const signature = [...yearsOf.get(place.careType)!].sort().join(' ');
    const grid = bySignature.get(signature) ?? [];
    if (grid.length === 0) bySignature.set(signature, grid);
    grid.push(place);
  }
  return [...bySignature.values()];
}
