/**
 * The ingestion pipeline for one source: load → normalise → segment → classify → extract →
 * validate. Pure apart from reading the bytes it is given: no file system, no clock.
 */
import { InputError } from '../core/errors.ts';
import type { SourceEntry } from '../core/schemas/sources.ts';
import { documentId } from '../core/schemas/sources.ts';
import type { PolicyDocument, Section } from '../core/schemas/document.ts';
import type { Taxonomy } from '../core/schemas/taxonomy.ts';
import { createThemeClassifier, type ThemeClassifier } from './classify/classify.ts';
import { detectMetadata } from './classify/detect-metadata.ts';
import { extractChanges } from './extract/extract-changes.ts';
import { extractContacts } from './extract/extract-contacts.ts';
import { extractDeadlines } from './extract/extract-deadlines.ts';
import { DEFAULT_LOAD_OPTIONS, loadSource, type LoadOptions } from './load/load.ts';
import { normalise } from './normalise/normalise.ts';
import { createOcrRepairer, type OcrRepairer } from './normalise/prepare-lines.ts';
import { sectionTextOf } from './segment/section-text.ts';
import { segment } from './segment/segment.ts';
import type { Footnote } from './normalise/types.ts';
import { validateDocument } from './validate/validate.ts';

/**
 * Bump when a change to the pipeline changes its output, so that the change log can tell a
 * re-ingested text ("technical upgrade") from a change the insurer made.
 */
export const PIPELINE_VERSION = '1.6.0';

const PAGE_FURNITURE = new Set(['page-number', 'running-header', 'running-footer']);

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

  const fullText = normalised.blocks.map((block) => block.text).join('\n');
  const titleText = [
    ...segmented.map((section) => section.title),
    ...normalised.blocks.slice(0, 8).map((block) => block.text),
  ].join('\n');
  // A PDF's own title, subject and author say what it is and who published it, like its title lines.
  const info = loaded.layout?.info;
  const pdfTitle = info
    ? [info.title, info.subject, info.author].filter((value): value is string => value !== null).join('\n')
    : '';
  const detected = detectMetadata(`${pdfTitle}\n${fullText}`, `${pdfTitle}\n${titleText}`, context.taxonomy);
  const entry = input.entry;
  const insurer = entry?.insurer ?? detected.insurer;
  const year = entry?.year ?? detected.year;
  const careType = entry?.careType ?? detected.careType;
  if (!insurer || !year || !careType) {
    const missing = [!insurer && 'insurer', !year && 'contract year', !careType && 'care type']
      .filter(Boolean)
      .join(', ');
    throw new InputError(
      input.file,
      `is not in sources.yaml and its ${missing} could not be read from the text`,
      'add an entry for it to content/sources/sources.yaml (file, insurer, year, careType, title)',
    );
  }
  if (!entry) {
    warnings.push(`metadata detected from the text, not given in sources.yaml: ${detected.evidence.join('; ')}`);
  } else {
    if (detected.insurer && detected.insurer !== entry.insurer)
      warnings.push(`sources.yaml says insurer ${entry.insurer}, the text suggests ${detected.insurer}`);
    if (detected.year && detected.year !== entry.year)
      warnings.push(`sources.yaml says year ${entry.year}, the text suggests ${detected.year}`);
    if (detected.careType && detected.careType !== entry.careType)
      warnings.push(`sources.yaml says care type ${entry.careType}, the text suggests ${detected.careType}`);
  }
  const insurerName = context.taxonomy.insurers.find((candidate) => candidate.slug === insurer)?.name ?? insurer;
  const careTypeName = context.taxonomy.careTypes.find((candidate) => candidate.slug === careType)?.name ?? careType;
  const yearEnd = entry ? entry.yearEnd : (detected.yearEnd ?? undefined);
  const title =
    entry?.title ??
    info?.title ??
    `Zorginkoopbeleid ${careTypeName} ${yearEnd ? `${year}-${yearEnd}` : year} (${insurerName})`;

  // A section's pages are those of its own text: the running header of the next page is not one.
  const furniture = new Set<number>();
  for (const artefact of normalised.artefacts) {
    if (PAGE_FURNITURE.has(artefact.kind)) for (let no = artefact.start; no <= artefact.end; no++) furniture.add(no);
  }
  const pageSpan = (lines: [number, number]): [number, number] | undefined => {
    const pageOf = normalised.pageOfLine;
    if (!pageOf) return undefined;
    let [first, last] = lines;
    while (first < last && (furniture.has(first) || normalised.blankLines[first - 1])) first++;
    while (last > first && (furniture.has(last) || normalised.blankLines[last - 1])) last--;
    return [pageOf[first - 1]!, pageOf[last - 1]!];
  };

  const sections: Section[] = segmented.map((part) => {
    const text = sectionTextOf(part.blocks);
    const section: Section = {
      id: part.id,
      number: part.number,
      title: part.title,
      level: part.level,
      parent: part.parent,
      themes: context.classifier.classify(part.title, text),
      text,
      lines: part.lines,
    };
    const pages = pageSpan(part.lines);
    if (pages) section.pages = pages;
    return section;
  });
  attachFootnotes(sections, normalised.footnotes);
  const untagged = sections.filter((section) => section.level > 0 && section.themes.length === 0);
  if (untagged.length > 0) {
    warnings.push(
      `${untagged.length} section(s) have no theme: ${untagged.map((section) => `line ${section.lines[0]} "${section.title}"`).join(', ')}`,
    );
  }

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
      ...(entry?.url ? { url: entry.url } : {}),
    },
    sections,
    changes: extractChanges(segmented, normalised.markdown),
    deadlines: extractDeadlines(segmented, year),
    contacts: extractContacts(normalised.lines),
    ingest: {
      pipelineVersion: PIPELINE_VERSION,
      metadataSource: {
        insurer: entry ? 'manifest' : 'text',
        year: entry ? 'manifest' : 'text',
        careType: entry ? 'manifest' : 'text',
        title: entry ? 'manifest' : info?.title ? 'pdf-metadata' : 'text',
      },
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

/** Each footnote goes to the section whose text carries its marker, or else the one it is printed in. */
function attachFootnotes(sections: Section[], footnotes: Footnote[]): void {
  const sectionAt = (line: number) => sections.find((section) => section.lines[0] <= line && line <= section.lines[1]);
  for (const note of footnotes) {
    const section = sectionAt(note.reference ?? note.lines[0]) ?? sectionAt(note.lines[0]);
    if (!section) continue;
    (section.footnotes ??= []).push({ marker: note.marker, text: note.text, lines: note.lines });
  }
}

/** The line each page starts on, page 1 first. */
function pageStarts(pageOfLine: number[]): number[] {
  const starts: number[] = [];
  pageOfLine.forEach((page, index) => {
    while (starts.length < page) starts.push(index + 1);
  });
  return starts;
}
