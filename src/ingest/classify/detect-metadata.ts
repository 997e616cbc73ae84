/**
 * Extract step: insurer, contract year and care type read from the text itself, for sources
 * without a sources.yaml entry (and to check the entries that exist).
 */
import {
  compileFoldedPhrase,
  compilePhraseScanner,
  foldText,
  type FoldedPhrase,
  type ScannedText,
} from '../../core/text.ts';
import type { Taxonomy } from '../../core/schemas/taxonomy.ts';

export interface DetectedMetadata {
  insurer: string | null;
  year: number | null;
  yearEnd: number | null;
  careType: string | null;
  evidence: string[];
}

/** Headings and the opening lines weigh more: that is where a policy says what it is. */
const TITLE_WEIGHT = 3;

/** Names and synonyms compiled once per taxonomy, with one scanner that rules most out per text. */
interface CompiledNames {
  phrases: Map<string, FoldedPhrase>;
  scan: (foldedHaystack: string) => ScannedText;
}
const compiledNames = new WeakMap<Taxonomy, CompiledNames>();

function insurerPhrases(insurer: Taxonomy['insurers'][number]): string[] {
  return [...insurer.names, ...insurer.labels.filter((label) => label.length > 3)];
}

function namesOf(taxonomy: Taxonomy): CompiledNames {
  let compiled = compiledNames.get(taxonomy);
  if (!compiled) {
    const all = [
      ...taxonomy.insurers.flatMap(insurerPhrases),
      ...taxonomy.careTypes.flatMap((careType) => careType.synonyms),
    ];
    const phrases = new Map(all.map((phrase) => [phrase, compileFoldedPhrase(phrase, { wholeWord: true })]));
    compiled = { phrases, scan: compilePhraseScanner([...phrases.values()]) };
    compiledNames.set(taxonomy, compiled);
  }
  return compiled;
}

/**
 * The text without the sentences that refer to another policy ("Voor ziekenhuizen verwijzen wij
 * u naar het inkoopbeleid Ziekenhuizen"), otherwise as it is: "a.s.r." must stay one name.
 */
export function withoutReferrals(text: string): string {
  // Only the sentences around each hit are cut out: splitting every text into sentences to test
  // each one was about a fifth of reading the insurer's name from it.
  let kept = '';
  let from = 0;
  for (const match of text.matchAll(REFERRAL)) {
    const at = match.index;
    if (at < from) continue;
    const start = Math.max(text.lastIndexOf('.', at - 1), text.lastIndexOf('\n', at - 1)) + 1;
    const ends = [text.indexOf('.', at), text.indexOf('\n', at)].filter((index) => index >= 0);
    const end = ends.length ? Math.min(...ends) + 1 : text.length;
    // The previous cut ended after a full stop or line end, so this sentence starts at or after it.
    kept += text.slice(from, start);
    from = end;
  }
  return from === 0 ? text : kept + text.slice(from);
}

/** A word starting "verwijz" ("verwijzen", "verwijzing"): the sentence names another policy. */
const REFERRAL = /\bverwijz/giu;

export function detectMetadata(fullText: string, titleText: string, taxonomy: Taxonomy): DetectedMetadata {
  const names = namesOf(taxonomy);
  const body = names.scan(foldText(withoutReferrals(fullText)));
  const titles = names.scan(foldText(titleText));
  const evidence: string[] = [];

  const rank = <T extends { slug: string }>(items: T[], phrases: (item: T) => string[]) =>
    items
      .map((item) => ({
        slug: item.slug,
        score: phrases(item).reduce((sum, text) => {
          const phrase = names.phrases.get(text)!;
          return sum + body.count(phrase) + TITLE_WEIGHT * titles.count(phrase);
        }, 0),
      }))
      .filter((entry) => entry.score > 0)
      .sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));

  const insurers = rank(taxonomy.insurers, insurerPhrases);
  const careTypes = rank(taxonomy.careTypes, (careType) => careType.synonyms);
  const runnerUp = (next: { slug: string; score: number } | undefined) =>
    next ? ` (next: ${next.slug}, ${next.score})` : '';
  if (insurers[0]) evidence.push(`insurer ${insurers[0].slug}: ${insurers[0].score} mentions${runnerUp(insurers[1])}`);
  if (careTypes[0])
    evidence.push(`care type ${careTypes[0].slug}: score ${careTypes[0].score}${runnerUp(careTypes[1])}`);

  const { year, yearEnd, note } = detectContractYear(fullText);
  if (note) evidence.push(note);
  return {
    insurer: insurers[0]?.slug ?? null,
    year,
    yearEnd,
    careType: careTypes[0]?.slug ?? null,
    evidence,
  };
}

/**
 * The contract year is the year the policy is *for*: "zorginkoopbeleid 2025", "contracten
 * voor 2025", "In 2025 zetten wij ..."; a publication date ("1 april 2024") and the previous
 * year's policy ("ten opzichte van 2024") do not count.
 */
export function detectContractYear(text: string): { year: number | null; yearEnd: number | null; note: string | null } {
  const votes = new Map<number, number>();
  const vote = (year: number, weight: number) => votes.set(year, (votes.get(year) ?? 0) + weight);
  // Case-insensitive patterns run on the lower-cased text without the i flag: the same matches,
  // but literals V8 can search for instead of trying every position (about six times faster).
  const lower = text.toLowerCase();
  const patterns: Array<[RegExp, number, string]> = [
    [/\b(?:zorg)?inkoopbeleid(?:\s+[\p{L}'’-]+){0,3}\s+(?:voor\s+)?(20\d\d)(?:\s*[-–]\s*(20\d\d))?\b/gu, 3, lower],
    [/\b(?:contract(?:ering|jaar|en)?|overeenkomsten?|zorgovereenkomst)\s+(?:voor\s+)?(20\d\d)\b/gu, 2, lower],
    [/\bvoor\s+(20\d\d)\b/gu, 1, lower],
    [/\b[Ii]n\s+(20\d\d)\s+(?:zetten|gaan|willen|richten|contracteren|kopen|maken|hanteren)\b/gu, 2, text],
    [/\b(?:inkoopproces|zorginkoop|inkoopjaar|proces contractering)\s+(?:in\s+|voor\s+)?(20\d\d)\b/gu, 2, lower],
  ];
  let range: [number, number] | null = null;
  for (const [pattern, weight, haystack] of patterns) {
    for (const match of haystack.matchAll(pattern)) {
      const before = haystack.slice(Math.max(0, (match.index ?? 0) - 40), match.index ?? 0);
      // "ten opzichte van het inkoopbeleid van 2024", "wijzigingen ... 2024" name an earlier policy.
      if (/(?:opzichte|vergeleken|t\.o\.v\.)\s+(?:van\s+)?(?:het\s+)?[\p{L}\s]*$/iu.test(before)) continue;
      const year = Number(match[1]);
      if (match[2]) range = [year, Number(match[2])];
      vote(year, weight);
    }
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  const best = ranked[0];
  if (!best) return { year: null, yearEnd: null, note: null };
  const yearEnd = range && range[0] === best[0] && range[1] > best[0] ? range[1] : null;
  return {
    year: best[0],
    yearEnd,
    note: `contract year ${best[0]}: ${best[1]} votes${ranked[1] ? ` (next: ${ranked[1][0]}, ${ranked[1][1]})` : ''}`,
  };
}
