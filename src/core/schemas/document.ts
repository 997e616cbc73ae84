/**
 * The public data contract (published as JSON Schema on /api/): one PolicyDocument per policy. The zod schemas are
 * the single source of truth; TypeScript types are inferred from them.
 */
import { z } from 'zod';

const lineSpan = z.tuple([z.number().int().positive(), z.number().int().positive()]);

export const SectionSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'section ids are lowercase slugs'),
  number: z.string().nullable(),
  title: z.string(),
  level: z.number().int().min(0).max(8),
  parent: z.string().nullable(),
  themes: z.array(z.string()),
  text: z.string(),
  lines: lineSpan,
  pages: lineSpan.optional(),
  /** Notes printed at the page's foot (PDF) or below a block of text, whose marker is in this section. */
  footnotes: z.array(z.object({ marker: z.string(), text: z.string(), lines: lineSpan })).optional(),
});

export const StatedChangeSchema = z.object({
  text: z.string().min(1),
  section: z.string().nullable(),
  lines: lineSpan,
  /** Index in `changes` of the item this one is nested under (e.g. "Aan paragraaf 2.3 zijn toegevoegd:"). */
  parent: z.number().int().nonnegative().optional(),
});

export const DeadlineSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  event: z.string().min(1),
  section: z.string().nullable(),
  line: z.number().int().positive(),
  /** The words the date was read from, e.g. "uiterlijk 1 september". */
  phrase: z.string(),
  /**
   * What the words make of the date: the last day ("uiterlijk", "tot en met"; "vóór 1 mei" is
   * 30 April), the first ("vanaf"), or the start of a span up to `until`. Absent: a date
   * without such words ("eind september", a timeline entry).
   */
  bound: z.enum(['deadline', 'from', 'span']).optional(),
  /** The span's last day ("tussen 1 juli en 1 oktober": 1 October; "tot 1 mei": 30 April). */
  until: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** The time of day given with the date, 24-hour ("12:00"). */
  time: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
});
export type DeadlineBound = NonNullable<z.infer<typeof DeadlineSchema>['bound']>;

export const ContactSchema = z.object({
  kind: z.enum(['email', 'phone']),
  value: z.string(),
  line: z.number().int().positive(),
});

/** What the pipeline did to the text, so nothing it changed or guessed is silent. */
export const IngestRecordSchema = z.object({
  pipelineVersion: z.string(),
  metadataSource: z.object({
    insurer: z.enum(['manifest', 'text']),
    year: z.enum(['manifest', 'text']),
    careType: z.enum(['manifest', 'text']),
    title: z.enum(['manifest', 'text', 'pdf-metadata']),
  }),
  /**
   * Per section with a heading: the signals that made its heading one ("outline", "tag:H2",
   * "font:14.0/bold", "number", "text").
   */
  headingSignals: z.array(z.object({ section: z.string(), signals: z.array(z.string()) })).optional(),
  /** PDF sources: the text layer the line numbers refer to, and the line each page starts on. */
  textLayer: z.object({ lines: z.array(z.string()), pageStarts: z.array(z.number().int().positive()) }).optional(),
  ocrFixes: z.array(z.object({ line: z.number().int().positive(), from: z.string(), to: z.string() })),
  mergedHeadings: z.array(z.object({ lines: lineSpan, title: z.string() })),
  inferredNumbers: z.array(z.object({ section: z.string(), number: z.string(), reason: z.string() })),
  artefacts: z.array(z.object({ kind: z.string(), lines: lineSpan, note: z.string().optional() })),
  warnings: z.array(z.string()),
});

export const PolicyDocumentSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+-\d{4}-[a-z0-9-]+$/),
  insurer: z.string(),
  year: z.number().int().min(2000).max(2100),
  yearEnd: z.number().int().min(2000).max(2100).optional(),
  careType: z.string(),
  title: z.string().min(1),
  source: z.object({
    file: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    format: z.enum(['txt', 'md', 'pdf']),
    url: z.string().url().optional(),
  }),
  sections: z.array(SectionSchema).min(1),
  changes: z.array(StatedChangeSchema),
  deadlines: z.array(DeadlineSchema),
  contacts: z.array(ContactSchema),
  ingest: IngestRecordSchema,
});

export const DocumentSummarySchema = z.object({
  id: z.string(),
  insurer: z.string(),
  year: z.number().int(),
  careType: z.string(),
  title: z.string(),
  url: z.string(),
  sectionCount: z.number().int().nonnegative(),
});

export type Section = z.infer<typeof SectionSchema>;
export type StatedChange = z.infer<typeof StatedChangeSchema>;
export type Deadline = z.infer<typeof DeadlineSchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type IngestRecord = z.infer<typeof IngestRecordSchema>;
export type PolicyDocument = z.infer<typeof PolicyDocumentSchema>;
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;
