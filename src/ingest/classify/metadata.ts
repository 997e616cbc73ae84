/**
 * Which policy a source is: insurer, contract year(s), care type and title, from its sources.yaml
 * entry where it has one, else from its text (and a PDF's own metadata). Disagreements between
 * the two are warnings; a source with neither is refused.
 */
import { InputError } from '../../core/errors.ts';
import type { IngestRecord } from '../../core/schemas/document.ts';
import type { SourceEntry } from '../../core/schemas/sources.ts';
import type { Taxonomy } from '../../core/schemas/taxonomy.ts';
import type { LoadedSource } from '../load/load.ts';
import type { NormalisedSource } from '../normalise/types.ts';
import type { SegmentedSection } from '../segment/segment.ts';
import { detectMetadata } from './detect-metadata.ts';

export interface PolicyMetadata {
  insurer: string;
  year: number;
  yearEnd: number | undefined;
  careType: string;
  title: string;
  metadataSource: IngestRecord['metadataSource'];
  warnings: string[];
}

export function resolveMetadata(
  file: string,
  entry: SourceEntry | undefined,
  loaded: LoadedSource,
  normalised: NormalisedSource,
  segmented: SegmentedSection[],
  taxonomy: Taxonomy,
): PolicyMetadata {
  const warnings: string[] = [];
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
  const detected = detectMetadata(`${pdfTitle}\n${fullText}`, `${pdfTitle}\n${titleText}`, taxonomy);
  const insurer = entry?.insurer ?? detected.insurer;
  const year = entry?.year ?? detected.year;
  const careType = entry?.careType ?? detected.careType;
  if (!insurer || !year || !careType) {
    const missing = [!insurer && 'insurer', !year && 'contract year', !careType && 'care type']
      .filter(Boolean)
      .join(', ');
    throw new InputError(
      file,
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
  const insurerName = taxonomy.insurers.find((candidate) => candidate.slug === insurer)?.name ?? insurer;
  const careTypeName = taxonomy.careTypes.find((candidate) => candidate.slug === careType)?.name ?? careType;
  const yearEnd = entry ? entry.yearEnd : (detected.yearEnd ?? undefined);
  const title =
    entry?.title ??
    info?.title ??
    `Zorginkoopbeleid ${careTypeName} ${yearEnd ? `${year}-${yearEnd}` : year} (${insurerName})`;

  return {
    insurer,
    year,
    yearEnd,
    careType,
    title,
    metadataSource: {
      insurer: entry ? 'manifest' : 'text',
      year: entry ? 'manifest' : 'text',
      careType: entry ? 'manifest' : 'text',
      title: entry ? 'manifest' : info?.title ? 'pdf-metadata' : 'text',
    },
    warnings,
  };
}
