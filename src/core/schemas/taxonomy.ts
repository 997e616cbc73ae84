/**
 * The taxonomy (content/taxonomy/*.yaml): insurers, care types, themes and OCR repairs. Data,
 * not code: a new insurer or theme is a YAML edit.
 */
import { z } from 'zod';
import { parseYamlWithSchema } from '../yaml.ts';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'slugs are lowercase words joined by "-"');

export const InsurerSchema = z.object({
  slug,
  name: z.string().min(1),
  fullName: z.string().min(1),
  labels: z.array(z.string()).default([]),
  names: z.array(z.string()).min(1),
  website: z.string().url().optional(),
});

export const CareTypeSchema = z.object({
  slug,
  name: z.string().min(1),
  synonyms: z.array(z.string()).min(1),
  /** The general policy: what a comparison reads for an insurer without a policy of the chosen care type. */
  fallback: z.boolean().default(false),
});

const keywords = z.record(z.string().min(2), z.number().positive());

/** A named rule: a slug, a Dutch label, and the weighted keywords that point at it. */
const KeywordRuleSchema = z.object({ slug, label: z.string().min(1), keywords });

export const ThemeSchema = z.object({
  slug,
  label: z.string().min(1),
  description: z.string().min(1),
  keywords,
  /** Sub-topics the comparison page groups a theme's passages by (Green Deal, CO2, CSRD, ...). */
  subtopics: listWithUniqueSlugs(KeywordRuleSchema, 'sub-topic', 0).default([]),
});

export const ThemesFileSchema = z.object({
  settings: z.object({
    minScore: z.number().positive(),
    relativeScore: z.number().min(0).max(1),
    maxThemes: z.number().int().positive(),
  }),
  themes: listWithUniqueSlugs(ThemeSchema, 'theme'),
});

export const RequirementsFileSchema = z.object({
  /** A requirement item needs at least this score to count for a type. */
  minScore: z.number().positive(),
  lists: z.object({
    /** A section whose title (or an ancestor's) has one of these is a list of requirements... */
    headings: z.array(z.string().min(2)).min(1),
    /** ...and so is a list after a lead-in with one of these ("Wij hanteren de volgende voorwaarden:"). */
    leadIns: z.array(z.string().min(2)).min(1),
    /** Unless the title has one of these ("Wijzigingen in de voorwaarden" is about changes). */
    exclude: z.array(z.string().min(2)).default([]),
  }),
  types: listWithUniqueSlugs(KeywordRuleSchema.extend({ description: z.string().min(1) }), 'requirement type'),
});

export const MilestonesFileSchema = z.object({
  /** Every insurer must publish its policy for contract year T by this day of year T-1 (Zvw art. 14). */
  legalPublication: z.object({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    kind: slug,
    label: z.string().min(1),
  }),
  kinds: listWithUniqueSlugs(KeywordRuleSchema, 'milestone kind'),
  minScore: z.number().positive(),
  /** The kind of a milestone that matches no kind's keywords. */
  otherLabel: z.string().min(1),
});

export const OcrFixesSchema = z.object({
  words: z.record(z.string().min(1), z.string()),
  patterns: z.array(z.object({ from: z.string().min(1), to: z.string(), note: z.string() })),
});

export type Insurer = z.infer<typeof InsurerSchema>;
export type CareType = z.infer<typeof CareTypeSchema>;
export type Theme = z.infer<typeof ThemeSchema>;
export type ThemeSettings = z.infer<typeof ThemesFileSchema>['settings'];
export type OcrFixes = z.infer<typeof OcrFixesSchema>;
export type RequirementRules = z.infer<typeof RequirementsFileSchema>;
export type MilestoneRules = z.infer<typeof MilestonesFileSchema>;

export interface Taxonomy {
  insurers: Insurer[];
  careTypes: CareType[];
  themes: Theme[];
  themeSettings: ThemeSettings;
  ocrFixes: OcrFixes;
  requirements: RequirementRules;
  milestones: MilestoneRules;
}

export const TAXONOMY_FILES = {
  insurers: 'insurers.yaml',
  careTypes: 'care-types.yaml',
  themes: 'themes.yaml',
  ocrFixes: 'ocr-fixes.yaml',
  requirements: 'requirements.yaml',
  milestones: 'milestones.yaml',
} as const;

/** A list of taxonomy entries whose slugs are unique (the duplicate is reported by its line). */
function listWithUniqueSlugs<T extends z.ZodType<{ slug: string }>>(entry: T, what: string, min = 1) {
  return z
    .array(entry)
    .min(min)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.slug))
          ctx.addIssue({
            code: 'custom',
            path: [index, 'slug'],
            message: `${what} slug "${item.slug}" is listed twice`,
          });
        seen.add(item.slug);
      });
    });
}

/** Parse the taxonomy files from their texts (keyed by path, for error messages). */
export function parseTaxonomy(files: Record<keyof typeof TAXONOMY_FILES, { path: string; text: string }>): Taxonomy {
  const hint = 'see the comment at the top of the file for its shape';
  const insurers = parseYamlWithSchema(
    files.insurers.path,
    files.insurers.text,
    listWithUniqueSlugs(InsurerSchema, 'insurer'),
    hint,
  );
  const careTypes = parseYamlWithSchema(
    files.careTypes.path,
    files.careTypes.text,
    listWithUniqueSlugs(CareTypeSchema, 'care type').refine(
      (careTypes) => careTypes.filter((careType) => careType.fallback).length <= 1,
      { message: 'at most one care type is the fallback (`fallback: true`): the general policy' },
    ),
    hint,
  );
  const themesFile = parseYamlWithSchema(files.themes.path, files.themes.text, ThemesFileSchema, hint);
  const ocrFixes = parseYamlWithSchema(files.ocrFixes.path, files.ocrFixes.text, OcrFixesSchema, hint);
  const requirements = parseYamlWithSchema(
    files.requirements.path,
    files.requirements.text,
    RequirementsFileSchema,
    hint,
  );
  const milestones = parseYamlWithSchema(files.milestones.path, files.milestones.text, MilestonesFileSchema, hint);
  return {
    insurers,
    careTypes,
    themes: themesFile.themes,
    themeSettings: themesFile.settings,
    ocrFixes,
    requirements,
    milestones,
  };
}
