/**
 * content/sources/sources.yaml: what is known about each published source (insurer, contract
 * year, care type, title, publisher URL). Validated against the taxonomy, reported by line.
 */
import { z } from 'zod';
import type { Taxonomy } from './taxonomy.ts';
import { parseYamlWithSchema } from '../yaml.ts';

export interface SourceEntry {
  file: string;
  id: string;
  insurer: string;
  year: number;
  yearEnd?: number;
  careType: string;
  title: string;
  url?: string;
  /** Allow a source without any heading (a short notice): one untitled section. */
  allowFlat?: boolean;
}

export function documentId(insurer: string, year: number, careType: string): string {
  return `${insurer}-${year}-${careType}`;
}

function sourceListSchema(taxonomy: Taxonomy) {
  const insurerSlugs = taxonomy.insurers.map((insurer) => insurer.slug);
  const careTypeSlugs = taxonomy.careTypes.map((careType) => careType.slug);
  const entry = z
    .object({
      file: z
        .string()
        .regex(/^[^/\\]+\.(txt|md|pdf)$/i, 'file must be a .txt, .md or .pdf file name inside content/sources/'),
      id: z.string().optional(),
      insurer: z.string().refine((slug) => insurerSlugs.includes(slug), {
        error: (issue) =>
          `insurer "${String(issue.input)}" is not in content/taxonomy/insurers.yaml (known: ` +
          `${insurerSlugs.join(', ')})`,
      }),
      year: z.number().int().min(2000).max(2100),
      yearEnd: z.number().int().min(2000).max(2100).optional(),
      careType: z.string().refine((slug) => careTypeSlugs.includes(slug), {
        error: (issue) =>
          `care type "${String(issue.input)}" is not in content/taxonomy/care-types.yaml (known: ` +
          `${careTypeSlugs.join(', ')})`,
      }),
      title: z.string().min(1),
      url: z
        .string()
        .refine(isWebAddress, {
          error: (issue) =>
            `url "${String(issue.input)}" is not a web address (only http:// and https:// are published as links)`,
        })
        .optional(),
      allowFlat: z.boolean().optional(),
    })
    .strict()
    .superRefine((value, ctx) => {
      const expected = documentId(value.insurer, value.year, value.careType);
      if (value.id !== undefined && value.id !== expected) {
        ctx.addIssue({
          code: 'custom',
          path: ['id'],
          message: `id "${value.id}" must be "${expected}" (insurer-year-careType)`,
        });
      }
      if (value.yearEnd !== undefined && value.yearEnd < value.year) {
        ctx.addIssue({
          code: 'custom',
          path: ['yearEnd'],
          message: `yearEnd ${value.yearEnd} is before year ${value.year}`,
        });
      }
    });
  return z
    .object({ sources: z.array(entry) })
    .strict()
    .superRefine((value, ctx) => {
      const seenFiles = new Map<string, number>();
      const seenIds = new Map<string, number>();
      value.sources.forEach((source, index) => {
        const id = documentId(source.insurer, source.year, source.careType);
        const sameFile = seenFiles.get(source.file);
        if (sameFile !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['sources', index, 'file'],
            message: `file "${source.file}" is listed twice (also entry ${sameFile + 1})`,
          });
        }
        const sameId = seenIds.get(id);
        if (sameId !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['sources', index],
            message:
              `two sources resolve to the same id "${id}": "${value.sources[sameId]!.file}" and ` + `"${source.file}"`,
          });
        }
        seenFiles.set(source.file, index);
        seenIds.set(id, index);
      });
    });
}

/** An absolute http(s) address: anything else (javascript:, data:, file:) must never become a link. */
function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const FIELD_HINTS: Record<string, string> = {
  file:
    'give the file name only (no folder), as it is in content/sources/, ending in .txt, .md or .pdf; list each ' +
    'file once',
  insurer: 'use a slug from content/taxonomy/insurers.yaml, or add the insurer there first',
  careType: 'use a slug from content/taxonomy/care-types.yaml, or add the care type there first',
  year: 'give the contract year as a number, e.g. year: 2026',
  yearEnd: 'give the last contract year of a multi-year policy as a number, not before year',
  id: 'leave id out: it follows from insurer, year and care type',
  title: 'give the title as the policy itself prints it',
  url: 'give the full address of the published page or PDF, starting with https://',
  allowFlat: 'write allowFlat: true or leave it out',
};

/** One hint per kind of problem: which field, and what it must be. */
function sourceListHint(path: Array<string | number>, issue: { code: string; keys?: string[] }): string {
  if (issue.code === 'unrecognized_keys')
    return `remove ${issue.keys?.join(', ') ?? 'the key'}: an entry has only ${Object.keys(FIELD_HINTS).join(', ')}`;
  const field = [...path].reverse().find((key): key is string => typeof key === 'string' && key in FIELD_HINTS);
  if (field) return FIELD_HINTS[field]!;
  if (path.length === 2)
    return 'two entries name the same policy: give one another year or care type, or remove the duplicate';
  return (
    'sources.yaml has one list, sources:, with an entry per file (file, insurer, year, careType, title; see the ' +
    'other entries)'
  );
}

export function parseSourceList(file: string, text: string, taxonomy: Taxonomy): SourceEntry[] {
  const parsed = parseYamlWithSchema(file, text, sourceListSchema(taxonomy), sourceListHint);
  return parsed.sources.map((source) => {
    const entry: SourceEntry = {
      file: source.file,
      id: documentId(source.insurer, source.year, source.careType),
      insurer: source.insurer,
      year: source.year,
      careType: source.careType,
      title: source.title,
    };
    if (source.yearEnd !== undefined) entry.yearEnd = source.yearEnd;
    if (source.url !== undefined) entry.url = source.url;
    if (source.allowFlat !== undefined) entry.allowFlat = source.allowFlat;
    return entry;
  });
}
