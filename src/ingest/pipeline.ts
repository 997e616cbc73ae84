/**
 * The ingestion pipeline for one source: load → normalise → segment → classify → extract →
 * validate. Pure apart from reading the bytes it is given: no file system, no clock.
 */
import { InputError } from '../core/errors.ts';
import type { SourceEntry } from '../core/schemas/sources.ts';
import { documentId } from '../core/schemas/sources.ts';
import type { PolicyDocument } from '../core/schemas/document.ts';
import type { Taxonomy } from '../core/schemas/taxonomy.ts';
import { classifySections, createThemeClassifier, type ThemeClassifier } from './classify/classify.ts';
import { resolveMetadata } from './classify/metadata.ts';
import { extractChanges } from './extract/extract-changes.ts';
import { extractContacts } from './extract/extract-contacts.ts';
import { extractDeadlines } from './extract/extract-deadlines.ts';
import { DEFAULT_LOAD_OPTIONS, loadSource, type LoadOptions } from './load/load.ts';
import { normalise } from './normalise/normalise.ts';
import { createOcrRepairer, type OcrRepairer } from './normalise/prepare-lines.ts';
import { sectionsOf } from './segment/sections.ts';
import { segment } from './segment/segment.ts';
import { validateDocument } from './validate/validate.ts';

/**
 * Bump when a change to the pipeline changes its output, so that the change log can tell a
 * re-ingested text ("technical upgrade") from a change the insurer made.
 */
export const PIPELINE_VERSION = '1.9.0';

export interface PipelineContext {
  taxonomy: Taxonomy;
  repairer: OcrRepairer;
  classifier: ThemeClassifier;
  loadOptions: LoadOptions;
}

export function createPipelineContext(
  taxonomy: Taxonomy,
  loadOptions: LoadOptions = DEFAULT_LOAD_OPTIONS,
): PipelineContext {
  return {
    taxonomy,
    repairer: createOcrRepairer(taxonomy.ocrFixes),
    classifier: createThemeClassifier(taxonomy.themes, taxonomy.themeSettings),
    loadOptions,
  };
}

export interface SourceInput {
  /** Path shown in messages and stored as `source.file` (relative to the project). */
  file: string;
  bytes: Uint8Array;
  entry?: SourceEntry | undefined;
}

export async function ingestSource(input: SourceInput, context: PipelineContext): Promise<PolicyDocument> {
  const loaded = await loadSource(input.bytes, input.file, context.loadOptions);
  const normalised = normalise(loaded, context.repairer);
  const segmentation = segment(normalised);
  const { sections: segmented } = segmentation;
  const warnings = [...loaded.notes, ...segmentation.warnings];

  const onlyPreamble = segmented.every((section) => section.level === 0);
  if (onlyPreamble && !input.entry?.allowFlat) {
    throw new InputError(
      input.file,
      'has no headings at all: no numbered heading ("2.1 Titel"), Markdown heading ("## Titel") or title line was ' +
        'found',
      'check that this is a policy text and not a scan without a text layer or a cover letter; if it really has no ' +
        'headings, add "allowFlat: true" to its sources.yaml entry',
    );
  }

  const metadata = resolveMetadata(input.file, input.entry, loaded, normalised, segmented, context.taxonomy);
  const { insurer, year, yearEnd, careType, title } = metadata;
  warnings.push(...metadata.warnings);
  const sections = sectionsOf(segmented, normalised);
  warnings.push(...classifySections(sections, context.classifier));

  const document: PolicyDocument = {
    id: documentId(insurer, year, careType),
    insurer,
    year,
    ...(yearEnd ? { yearEnd } : {}),
    careType,
    title,
    source: {
      file: input.file,
      sha256: loaded.sha256,
      format: loaded.format,
      ...(input.entry?.url ? { url: input.entry.url } : {}),
    },
    sections,
    changes: extractChanges(segmented, normalised.markdown),
    deadlines: extractDeadlines(segmented, year),
    contacts: extractContacts(normalised.lines),
    ingest: {
      pipelineVersion: PIPELINE_VERSION,
      metadataSource: metadata.metadataSource,
      headingSignals: segmented
        .filter((part) => part.level > 0)
        .map((part) => ({ section: part.id, signals: part.signals })),
      ocrFixes: [...normalised.ocrFixes, ...segmentation.ocrNumberFixes].sort((a, b) => a.line - b.line),
      mergedHeadings: segmentation.mergedHeadings,
      inferredNumbers: segmentation.inferredNumbers,
      artefacts: normalised.artefacts.map((artefact) => ({
        kind: artefact.kind,
        lines: [artefact.start, artefact.end] as [number, number],
        ...(artefact.note ? { note: artefact.note } : {}),
      })),
      warnings,
      ...(loaded.pageOfLine ? { textLayer: { lines: loaded.lines, pageStarts: pageStarts(loaded.pageOfLine) } } : {}),
    },
  };
  validateDocument(document, normalised.blankLines);
  return document;
}

/** The line each page starts on, page 1 first. */
function pageStarts(pageOfLine: number[]): number[] {
  const starts: number[] = [];
  pageOfLine.forEach((page, index) => {
    while (starts.length < page) starts.push(index + 1);
  });
  return starts;
}
