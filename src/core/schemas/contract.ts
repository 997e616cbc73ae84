/**
 * The public data contract: every JSON file under /api/, one zod schema each. The endpoints
 * build their output to these types, a test checks the built files against them, and the site
 * publishes each as JSON Schema (/api/schema/<name>.json) for users of the open data.
 */
import { z } from 'zod';
import { DocumentSummarySchema, PolicyDocumentSchema } from './document.ts';
import { InsurerSchema } from './taxonomy.ts';

export const InsurerEntrySchema = InsurerSchema.extend({
  /** The insurer's page. */
  url: z.string(),
  /** Ids of its policies in the corpus, newest first. */
  documents: z.array(z.string()),
});

export const ThemeEntrySchema = z.object({
  slug: z.string(),
  label: z.string(),
  description: z.string(),
  /** The theme's page. */
  url: z.string(),
  /** Every section on the theme, newest policy first. */
  sections: z.array(z.object({ document: z.string(), section: z.string() })),
});

export type InsurerEntry = z.infer<typeof InsurerEntrySchema>;
export type ThemeEntry = z.infer<typeof ThemeEntrySchema>;

/** Each file of the contract: its schema's name, what it describes, and the schema. */
export const CONTRACT = {
  document: {
    describes: 'één beleid: secties, wijzigingen, termijnen, contacten en herkomst',
    schema: PolicyDocumentSchema,
  },
  documents: { describes: 'de lijst van alle beleidsdocumenten', schema: z.array(DocumentSummarySchema) },
  insurers: { describes: 'de verzekeraars, met hun beleid', schema: z.array(InsurerEntrySchema) },
  themes: { describes: 'de thema’s, met de secties erover', schema: z.array(ThemeEntrySchema) },
} as const;

export type ContractName = keyof typeof CONTRACT;

/** The JSON Schema (draft 2020-12) of one file of the contract, with `$id` its own URL path. */
export function contractJsonSchema(name: ContractName, id: string): Record<string, unknown> {
  const { describes, schema } = CONTRACT[name];
  const { $schema, ...json } = z.toJSONSchema(schema, { io: 'output' });
  return { $schema, $id: id, title: `Zorginkoop Atlas: ${name}`, description: describes, ...json };
}
