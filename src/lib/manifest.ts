/**
 * content/sources/sources.yaml: what is known about each published source (insurer, contract
 * year, care type, title, publisher URL). Validated against the taxonomy, reported by line.
 */
import { z } from 'zod';
import type { Taxonomy } from './taxonomy.ts';
import { parseYamlWithSchema } from './yaml-file.ts';

export interface ManifestEntry {
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

function manifestSchema(taxonomy: Taxonomy) {
  const insurerSlugs = taxonomy.insurers.map((insurer) => insurer.slug);
  const careTypeSlugs = taxonomy.careTypes.map((careType) => careType.slug);
  const entry = z
    .object({
      file: z.string().regex(/^[^/\\]+\.(txt|md|pdf)$/i, 'file must be a .txt, .md or .pdf file name inside content/sources/'),
      id: z.string().optional(),
      insurer: z.string().refine((slug) => insurerSlugs.includes(slug), {
        error: (issue) => `insurer "${String(issue.input)}" is not in content/taxonomy/insurers.yaml (known: ${insurerSlugs.join(', ')})`,
      }),
      year: z.number().int().min(2000).max(2100),
      yearEnd: z.number().int().min(2000).max(2100).optional(),
      careType: z.string().refine((slug) => careTypeSlugs.includes(slug), {
        error: (issue) => `care type "${String(issue.input)}" is not in content/taxonomy/care-types.yaml (known: ${careTypeSlugs.join(', ')})`,
      }),
      title: z.string().min(1),
      url: z.string().url().optional(),
      allowFlat: z.boolean().optional(),
    })
    .strict()
    .superRefine((value, ctx) => {
      const expected = documentId(value.insurer, value.year, value.careType);
      if (value.id !== undefined && value.id !== expected) {
        ctx.addIssue({ code: 'custom', path: ['id'], message: `id "${value.id}" must be "${expected}" (insurer-year-careType)` });
      }
      if (value.yearEnd !== undefined && value.yearEnd < value.year) {
        ctx.addIssue({ code: 'custom', path: ['yearEnd'], message: `yearEnd ${value.yearEnd} is before year ${value.year}` });
      }
    });
  return z.object({ sources: z.array(entry) }).strict().superRefine((value, ctx) => {
    const seenFiles = new Map<string, number>();
    const seenIds = new Map<string, number>();
    value.sources.forEach((source, index) => {
      const id = documentId(source.insurer, source.year, source.careType);
      const sameFile = seenFiles.get(source.file);
      if (sameFile !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['sources', index, 'file'], message: `file "${source.file}" is listed twice (also entry ${sameFile + 1})` });
      }
      const sameId = seenIds.get(id);
      if (sameId !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', index],
          message: `two sources resolve to the same id "${id}": "${value.sources[sameId]!.file}" and "${source.file}"`,
        });
      }
      seenFiles.set(source.file, index);
      seenIds.set(id, index);
    });
  });
}

export function parseManifest(file: string, text: string, taxonomy: Taxonomy): ManifestEntry[] {
  const parsed = parseYamlWithSchema(
    file,
    text,
    manifestSchema(taxonomy),
    'each entry needs file, insurer, year, careType and title (see the other entries); slugs must exist in content/taxonomy/',
  );
  return parsed.sources.map((source) => {
    const entry: ManifestEntry = {
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
