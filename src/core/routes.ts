/**
 * Every URL of the site, built in one place: pages, components, feeds, calendars, the search
 * index and the client scripts all ask here, so a route is renamed by changing one line (the
 * layer test fails on a site path written anywhere else). URLs are Dutch, as the site is.
 */

/** The two documents of a version comparison, or of a step in an insurer's history. */
interface Versions {
  from: { year: number };
  to: { insurer: string; careType: string; year: number };
}

/** "2025-2026": a comparison's segment of its URL. */
export function rangeSlug(from: { year: number }, to: { year: number }): string {
  return `${from.year}-${to.year}`;
}

const SEARCH_INDEX = '/pagefind/';

/** The id of a section's span on the source view (prefixed: a section id may look like a line's, "r5"). */
export function sourceSpanId(sectionId: string): string {
  return `bron-${sectionId}`;
}

export const paths = {
  home: '/',
  insurers: '/verzekeraars/',
  insurer: (slug: string) => `/verzekeraars/${slug}/`,
  /** An insurer's policies across the years, optionally on one theme. */
  history: (insurer: string, theme?: string | null) =>
    `/verzekeraars/${insurer}/geschiedenis/${theme ? `${theme}/` : ''}`,
  policy: (id: string) => `/beleid/${id}/`,
  section: (documentId: string, sectionId: string) => `/beleid/${documentId}/#${sectionId}`,
  source: (documentId: string, line?: number) => `/beleid/${documentId}/bron/${line ? `#r${line}` : ''}`,
  /** The whole span of source lines a section was made from, marked on the source view. */
  sourceOfSection: (documentId: string, sectionId: string) => `/beleid/${documentId}/bron/#${sourceSpanId(sectionId)}`,
  careTypes: '/zorgsoorten/',
  careType: (slug: string) => `/zorgsoorten/${slug}/`,
  years: '/jaren/',
  year: (year: number | string) => `/jaren/${year}/`,
  themes: '/themas/',
  theme: (slug: string) => `/themas/${slug}/`,
  search: '/zoeken/',
  api: '/api/',
  json: (documentId: string) => `/api/documents/${documentId}.json`,
  documentsJson: '/api/documents.json',
  insurersJson: '/api/insurers.json',
  themesJson: '/api/themes.json',
  /** The JSON Schema of one file of the data contract. */
  schema: (name: string) => `/api/schema/${name}.json`,
  /** The data contract's files, as `_headers` rules match them (the /api/ page itself is HTML). */
  apiFiles: ['/api/documents.json', '/api/documents/*', '/api/insurers.json', '/api/themes.json', '/api/schema/*'],
  compare: '/vergelijk/',
  compareTheme: (theme: string) => `/vergelijk/${theme}/`,
  /** One theme compared across insurers for one care type and contract year. */
  compareView: (theme: string, { careType, year }: { careType: string; year: number }) =>
    `/vergelijk/${theme}/${careType}/${year}/`,
  /** That comparison as CSV, one row per cell and passage. */
  compareCsv: (theme: string, { careType, year }: { careType: string; year: number }) =>
    `/vergelijk/${theme}/${careType}/${year}/vergelijking.csv`,
  requirements: '/voorwaarden/',
  requirementsCsv: '/voorwaarden/voorwaarden.csv',
  calendar: '/kalender/',
  calendarIcs: (insurer?: string) => `/kalender/${insurer ?? 'alle'}.ics`,
  /** One insurer's dates for one care type. */
  calendarCareTypeIcs: (insurer: string, careType: string) => `/kalender/${insurer}/${careType}.ics`,
  /** One date on its own: "zet in agenda". */
  calendarEventIcs: (insurer: string, milestoneId: string) => `/kalender/${insurer}/datum/${milestoneId}.ics`,
  changes: '/wijzigingen/',
  /**
   * A change's id in the feeds: the anchor of a change an insurer states on the change log; for one
   * the text shows, an id only (its link is the change on the version's diff page).
   */
  changeEntry: (key: string) => `/wijzigingen/#${key}`,
  changesFeed: '/wijzigingen/feed.xml',
  insurerChanges: (insurer: string) => `/wijzigingen/${insurer}/`,
  insurerChangesFeed: (insurer: string) => `/wijzigingen/${insurer}/feed.xml`,
  /** Two consecutive versions of one policy compared (the view, inline or side by side, is switched on the page). */
  comparison: ({ from, to }: Versions) => `/wijzigingen/${to.insurer}/${to.careType}/${rangeSlug(from, to)}/`,
  /** A client script, built from src/client/<name>.ts. */
  script: (name: string) => `/js/${name}.js`,
  favicon: '/favicon.svg',
  /** What a static host serves, with status 404, for an address that is not there. */
  notFound: '/404.html',
  searchIndex: SEARCH_INDEX,
  searchLibrary: `${SEARCH_INDEX}pagefind.js`,
} as const;
