/** The run report: a progress line per document, then counts and warnings per document. */
import type { PolicyDocument } from '../../core/schemas/document.ts';
import type { IngestEvent } from './run.ts';

export function formatEvent(event: IngestEvent): string | null {
  if (event.type === 'start') return `Ingesting ${event.total} source${event.total === 1 ? '' : 's'}…`;
  const counter = `[${String(event.index).padStart(String(event.total).length)}/${event.total}]`;
  if (event.type === 'failed') return `${counter} FAILED ${event.error.file}`;
  // Unchanged sources are counted in the summary line, not listed one by one.
  if (event.type === 'cached') return null;
  const document = event.document;
  return (
    `${counter} ${document.id}  ${document.sections.length} sections, ${document.changes.length} changes, ` +
    `${document.deadlines.length} deadlines (${event.milliseconds.toFixed(0)} ms)`
  );
}

export function formatDocumentReport(document: PolicyDocument): string {
  const themeCounts = new Map<string, number>();
  for (const section of document.sections)
    for (const theme of section.themes) themeCounts.set(theme, (themeCounts.get(theme) ?? 0) + 1);
  const themes = [...themeCounts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([theme, count]) => `${theme} ${count}`);
  const lines = [
    `${document.id} (${document.source.file})`,
    `  sections ${document.sections.length} · changes ${document.changes.length} · deadlines ` +
      `${document.deadlines.length} · contacts ${document.contacts.length} · OCR fixes ` +
      `${document.ingest.ocrFixes.length} · artefacts ${document.ingest.artefacts.length}`,
    `  themes: ${themes.join(', ') || 'none'}`,
  ];
  for (const warning of document.ingest.warnings) lines.push(`  warning: ${warning}`);
  return lines.join('\n');
}
