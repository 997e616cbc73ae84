/**
 * The change log as an Atom feed (the `feed` package writes the XML). The package marks every
 * entry's title and summary as HTML, so what comes from a source is escaped first: a heading
 * `<img src=x onerror=…>` reaches a feed reader as those characters, never as markup.
 */
import { Feed } from 'feed';
import { escapeHtml } from '../core/text.ts';
import type { ChangeLogEntry } from '../analysis/changelog.ts';
import { publicationDate } from '../analysis/changelog.ts';
import { paths } from '../core/routes.ts';

/**
 * Entries in a feed: the newest. A feed says what is new to a reader that polls it; with every
 * change of every year it grew to megabytes, which readers refuse or fetch again and again. The
 * whole change log is on the page the feed links to.
 */
export const FEED_ENTRIES = 500;

/** The change log's newest entries (`entries` comes newest first) as Atom. */
export function changeLogFeed(
  entries: readonly ChangeLogEntry[],
  options: {
    site: URL;
    path: string;
    title: string;
    insurerName: (slug: string) => string;
    legalPublication: { month: number; day: number };
  },
): string {
  const absolute = (path: string) => new URL(path, options.site).href;
  const newest = entries.reduce(
    (latest, entry) => Math.max(latest, publicationDate(entry.document, options.legalPublication).getTime()),
    0,
  );
  const home = absolute(options.path.replace(/feed\.xml$/u, ''));
  const shortened = entries.length > FEED_ENTRIES;
  const feed = new Feed({
    ...(shortened
      ? { description: `De nieuwste ${FEED_ENTRIES} van ${entries.length} wijzigingen; alle staan op ${home}` }
      : {}),
    title: options.title,
    id: home,
    link: home,
    language: 'nl',
    updated: new Date(newest || 0),
    copyright: 'Teksten: de zorgverzekeraars',
    feedLinks: { atom: absolute(options.path) },
  });
  for (const entry of entries.slice(0, FEED_ENTRIES)) {
    const link = absolute(entry.diffUrl ?? entry.sectionUrl ?? paths.policy(entry.document.id));
    feed.addItem({
      title: escapeHtml(`${options.insurerName(entry.document.insurer)} ${entry.document.year}: ${entry.title}`),
      id: absolute(paths.changeEntry(entry.key)),
      link,
      description: escapeHtml(
        `${entry.kind === 'stated' ? 'Vermeld door de verzekeraar' : 'Gevonden in de tekst'}` +
          `${entry.unstated ? ' (niet vermeld in de wijzigingenlijst)' : ''}. ${entry.text}`,
      ),
      date: publicationDate(entry.document, options.legalPublication),
    });
  }
  return feed.atom1();
}
