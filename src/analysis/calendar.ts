/**
 * The procurement calendar: every dated milestone the ingest read from the policies, one per
 * policy, day and kind (a policy that names "uiterlijk 1 september" five times for its offers is
 * one milestone with five mentions), plus the legal publication date (1 April of the year before)
 * for every insurer and contract year, unless the policy names it itself.
 */
import { compileKeywordRules, foldForMatching } from '../core/keyword-rules.ts';
import type { Deadline, DeadlineBound, PolicyDocument } from '../core/schemas/document.ts';
import type { MilestoneRules } from '../core/schemas/taxonomy.ts';
import { oncePerPair } from '../core/memo.ts';

export interface Milestone {
  /** Stable across builds: the UID of the calendar event. */
  id: string;
  date: string;
  insurer: string;
  /** Contract year of the policy the milestone is for. */
  year: number;
  careTypes: string[];
  kind: string;
  kindLabel: string;
  /** What happens, in the policy's words (the mention that says it best). */
  title: string;
  /** From that mention: how its words bound the date, a span's last day, a time of day. */
  bound?: DeadlineBound;
  until?: string;
  time?: string;
  /** The policy it comes from, with where it says so; the legal date points at the insurer's policy of that year. */
  document: PolicyDocument;
  mentions: Deadline[];
  legal: boolean;
}

export const OTHER_KIND = 'overig';

const DAY_MONTH = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/** "1 april": a day of the year as Dutch text (the legal publication day is data, milestones.yaml). */
export function formatDayMonth(month: number, day: number): string {
  return DAY_MONTH.format(Date.UTC(2000, month - 1, day));
}

/**
 * Every milestone of the corpus, sorted by date. One calendar per corpus and rules: the calendar
 * page and every .ics file ask for the same one. Shared between callers: treat it as read-only.
 */
export const buildCalendar: (documents: PolicyDocument[], rules: MilestoneRules) => Milestone[] =
  oncePerPair(computeCalendar);

function computeCalendar(documents: PolicyDocument[], rules: MilestoneRules): Milestone[] {
  const kinds = compileKeywordRules(rules.kinds);
  const labelOf = (kind: string) => rules.kinds.find((candidate) => candidate.slug === kind)?.label ?? rules.otherLabel;
  const milestones: Milestone[] = [];
  for (const document of documents) {
    const groups = new Map<
      string,
      { kind: string; best: { deadline: Deadline; score: number }; mentions: Deadline[] }
    >();
    for (const deadline of document.deadlines) {
      const ranked = kinds.score([{ text: foldForMatching(deadline.event), factor: 1 }])[0];
      const top = ranked && ranked.score >= rules.minScore ? ranked : undefined;
      const kind = top?.slug ?? OTHER_KIND;
      const score = top?.score ?? 0;
      const key = `${deadline.date}/${kind}`;
      const group = groups.get(key);
      if (!group) groups.set(key, { kind, best: { deadline, score }, mentions: [deadline] });
      else {
        group.mentions.push(deadline);
        if (score > group.best.score) group.best = { deadline, score };
      }
    }
    for (const [key, group] of groups) {
      milestones.push({
        id: `${document.id}-${key.replace('/', '-')}`,
        date: group.best.deadline.date,
        insurer: document.insurer,
        year: document.year,
        careTypes: [document.careType],
        kind: group.kind,
        kindLabel: labelOf(group.kind),
        title: group.best.deadline.event,
        ...(group.best.deadline.bound ? { bound: group.best.deadline.bound } : {}),
        ...(group.best.deadline.until ? { until: group.best.deadline.until } : {}),
        ...(group.best.deadline.time ? { time: group.best.deadline.time } : {}),
        document,
        mentions: group.mentions.sort((a, b) => a.line - b.line),
        legal: false,
      });
    }
  }
  milestones.push(...legalPublications(documents, milestones, rules));
  return milestones.sort(
    (a, b) => a.date.localeCompare(b.date) || a.insurer.localeCompare(b.insurer) || a.id.localeCompare(b.id),
  );
}

function legalPublications(documents: PolicyDocument[], found: Milestone[], rules: MilestoneRules): Milestone[] {
  const { month, day, kind, label } = rules.legalPublication;
  const byInsurerYear = new Map<string, PolicyDocument[]>();
  for (const document of documents) {
    const key = `${document.insurer}/${document.year}`;
    byInsurerYear.set(key, [...(byInsurerYear.get(key) ?? []), document]);
  }
  return [...byInsurerYear.values()].flatMap((policies) => {
    const { insurer, year } = policies[0]!;
    const date = `${year - 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (found.some((milestone) => milestone.insurer === insurer && milestone.date === date && milestone.kind === kind))
      return [];
    return [
      {
        id: `${insurer}-${year}-wettelijke-publicatie`,
        date,
        insurer,
        year,
        careTypes: [...new Set(policies.map((policy) => policy.careType))].sort(),
        kind,
        kindLabel: rules.kinds.find((candidate) => candidate.slug === kind)?.label ?? rules.otherLabel,
        title: `${label}: zorginkoopbeleid ${year}`,
        document: policies[0]!,
        mentions: [],
        legal: true,
      },
    ];
  });
}

/** "2026-11" → milestones of that month, months in order. */
export function byMonth(milestones: Milestone[]): Array<{ month: string; milestones: Milestone[] }> {
  const months = new Map<string, Milestone[]>();
  for (const milestone of milestones) {
    const month = milestone.date.slice(0, 7);
    const list = months.get(month);
    if (list) list.push(milestone);
    else months.set(month, [milestone]);
  }
  return [...months].map(([month, list]) => ({ month, milestones: list }));
}
