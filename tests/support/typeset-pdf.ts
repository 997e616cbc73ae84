/**
 * Typesets a policy into a PDF with Chromium's page.pdf(), in layouts the pipeline was not built
 * on: headings told apart only by size and weight (with or without numbers), with or without an
 * outline and tags, a table of contents with dot leaders, a running header and footer, a footnote
 * at a page's foot, a page in two columns, a heading wrapped over two lines. The HTML is built by
 * a pure function; only `typesetPdf` touches the browser.
 */
import { chromium, type Browser } from 'playwright';
import { chromiumLaunchOptions } from './chromium.ts';

export interface SpecSection {
  number: string | null;
  title: string;
  level: 1 | 2 | 3;
  paragraphs: string[];
  /** A footnote whose marker follows the first paragraph's first word "zorgaanbieders". */
  footnote?: string;
  /** A table after the paragraphs: rows of cells, the first row its header. */
  table?: string[][];
}

export interface SpecPage {
  sections: SpecSection[];
  columns?: 2;
}

export interface LayoutOptions {
  numbered: boolean;
  tagged: boolean;
  outline: boolean;
  toc: boolean;
  /** The table of contents gives page numbers (with dot leaders); without, its chapters in bold. */
  tocPageNumbers: boolean;
  headerFooter: boolean;
  /** Heading styles: font size in pt and weight, level 1 to 3. */
  styles: Record<1 | 2 | 3, { size: number; weight: 400 | 700 }>;
  bodySize: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  numbered: true,
  tagged: false,
  outline: false,
  toc: true,
  tocPageNumbers: true,
  headerFooter: true,
  styles: { 1: { size: 20, weight: 700 }, 2: { size: 13, weight: 700 }, 3: { size: 10, weight: 700 } },
  bodySize: 10,
};

const WORDS = [
  'zorgaanbieders',
  'contracteren',
  'passende',
  'zorg',
  'regio',
  'afspraken',
  'kwaliteit',
  'tarieven',
  'inschrijving',
  'beoordeling',
  'wachttijden',
  'samenwerking',
  'verzekerden',
  'doelmatigheid',
  'innovatie',
  'voorwaarden',
  'declaratie',
  'productie',
  'budget',
  'toegankelijkheid',
  'netwerk',
  'transformatie',
  'digitale',
  'gegevens',
  'uitwisseling',
  'personeel',
  'duurzaamheid',
  'inkoop',
];

/** Deterministic prose: sentences of Dutch policy words, the same for the same seed. */
export function prose(seed: number, sentences: number): string {
  let state = seed * 7919 + 17;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  const out: string[] = [];
  for (let s = 0; s < sentences; s++) {
    const length = 10 + (next() % 8);
    const words = Array.from({ length }, () => WORDS[next() % WORDS.length]!);
    const sentence = ['Wij', 'bespreken', ...words].join(' ');
    out.push(`${sentence}.`);
  }
  return out.join(' ');
}

/** The policy every layout variant sets: three chapters over four pages, the third chapter's page in two columns. */
export function samplePolicy(): SpecPage[] {
  let seed = 1;
  const section = (number: string, title: string, level: 1 | 2 | 3, extra: Partial<SpecSection> = {}): SpecSection => ({
    number,
    title,
    level,
    paragraphs: [prose(seed++, 2), prose(seed++, 1)],
    ...extra,
  });
  return [
    {
      sections: [
        { number: null, title: 'Voorwoord', level: 1, paragraphs: [prose(100, 4)] },
        section('1', 'Inleiding', 1),
        section('1.1', 'Doel van dit beleid', 2, {
          footnote: 'Zie de website van de Nederlandse Zorgautoriteit voor de actuele beleidsregels.',
        }),
        section('1.2', 'Voor wie dit beleid geldt', 2, {
          table: [
            ['Stap', 'Uiterste datum voor het indienen bij de zorgverzekeraar'],
            ['Indienen van de offerte voor het contractjaar', '1 september 2027'],
            ['Ondertekenen', '15 november 2027'],
          ],
        }),
      ],
    },
    {
      sections: [
        section(
          '2',
          'Inkoopprocedure voor zorgaanbieders die voor het eerst een overeenkomst met ons willen sluiten',
          1,
        ),
        section('2.1', 'Planning', 2),
        section('2.1.1', 'Termijnen voor de inschrijving', 3),
        section('2.1.2', 'Vragen over dit beleid', 3),
        section('2.2', 'Voorwaarden voor een overeenkomst', 2),
      ],
    },
    {
      columns: 2,
      sections: [
        section('3', 'Kwaliteit', 1),
        section('3.1', 'Kwaliteitskaders', 2),
        section('3.2', 'Uitkomstgerichte zorg', 2),
      ],
    },
  ];
}

/** The headings the pipeline must find, in order: number (or null), title, level. */
export function expectedHeadings(
  pages: SpecPage[],
  options: LayoutOptions,
): Array<{ number: string | null; title: string; level: number }> {
  const headings = pages
    .flatMap((page) => page.sections)
    .map((section) => ({
      number: options.numbered ? section.number : null,
      title: section.title,
      level: section.level,
    }));
  return options.toc
    ? [headings[0]!, { number: null, title: 'Inhoudsopgave', level: 1 }, ...headings.slice(1)]
    : headings;
}

const escapeXml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

export function policyHtml(pages: SpecPage[], options: LayoutOptions): string {
  const heading = (section: SpecSection) => {
    const tag = `h${section.level}`;
    const label = options.numbered && section.number ? `${section.number} ${section.title}` : section.title;
    return `<${tag}>${escapeXml(label)}</${tag}>`;
  };
  const body = (section: SpecSection) =>
    section.paragraphs
      .map((paragraph, index) => {
        const text = escapeXml(paragraph);
        return index === 0 && section.footnote
          ? `<p>${text.replace('zorgaanbieders', 'zorgaanbieders<sup>1</sup>')}</p>`
          : `<p>${text}</p>`;
      })
      .join('');
  const table = (section: SpecSection) =>
    section.table
      ? `<table><thead><tr>${section.table[0]!.map((cell) => `<th>${escapeXml(cell)}</th>`).join('')}</tr></thead><tbody>${section.table
          .slice(1)
          .map((row) => `<tr>${row.map((cell) => `<td>${escapeXml(cell)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`
      : '';
  const notes = (page: SpecPage) =>
    page.sections
      .filter((section) => section.footnote)
      .map((section) => `<p class="noot">1 ${escapeXml(section.footnote!)}</p>`)
      .join('');
  const toc = options.toc
    ? `<section class="pagina"><h1>Inhoudsopgave</h1>${pages
        .flatMap((page, pageIndex) =>
          page.sections.filter((section) => section.number).map((section) => ({ section, page: pageIndex + 3 })),
        )
        .map(({ section, page }) => {
          const label = escapeXml(options.numbered ? `${section.number} ${section.title}` : section.title);
          if (options.tocPageNumbers) return `<p class="toc">${label} ${'.'.repeat(24)} ${page}</p>`;
          return section.level === 1 ? `<p class="toc"><strong>${label}</strong></p>` : `<p class="toc">${label}</p>`;
        })
        .join('')}</section>`
    : '';
  const [first, ...rest] = pages;
  const voorwoord = first!.sections[0]!;
  const firstPage: SpecPage = { sections: first!.sections.slice(1) };
  const printed: SpecPage[] = [{ sections: [voorwoord] }, firstPage, ...rest];
  const style = options.styles;
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Zorginkoopbeleid 2027</title><style>
    @page { size: A4; margin: 22mm 20mm 22mm 20mm; }
    body { font-family: 'Liberation Sans', sans-serif; font-size: ${options.bodySize}pt; line-height: 1.4; margin: 0; }
    h1 { font-size: ${style[1].size}pt; font-weight: ${style[1].weight}; margin: 0 0 10pt; }
    h2 { font-size: ${style[2].size}pt; font-weight: ${style[2].weight}; margin: 14pt 0 6pt; }
    h3 { font-size: ${style[3].size}pt; font-weight: ${style[3].weight}; margin: 12pt 0 4pt; }
    h1.breed { width: 120mm; }
    p { margin: 0 0 8pt; }
    .pagina { height: 250mm; position: relative; break-after: page; overflow: hidden; }
    .kolommen { columns: 2; column-gap: 12mm; }
    .noot { position: absolute; bottom: 0; font-size: 7pt; margin: 0; }
    sup { font-size: 6pt; }
    .toc { margin: 0 0 4pt; }
    table { border-collapse: collapse; margin: 0 0 8pt; }
    th, td { width: 45mm; padding: 2pt 6pt; text-align: left; vertical-align: top; font-size: 9pt; border: 0.5pt solid #999; }
  </style></head><body>
  ${printed
    .map((page, index) => {
      const content = page.sections
        .map(
          (section) =>
            `${heading(section).replace('<h1>', section.title.length > 60 ? '<h1 class="breed">' : '<h1>')}${body(section)}${table(section)}`,
        )
        .join('');
      const inner = page.columns === 2 ? `<div class="kolommen">${content}</div>` : content;
      return `<section class="pagina">${inner}${notes(page)}</section>${index === 0 ? toc : ''}`;
    })
    .join('\n')}
  </body></html>`;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

export async function typesetPdf(browser: Browser, html: string, options: LayoutOptions): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: false,
      preferCSSPageSize: true,
      tagged: options.tagged,
      outline: options.outline,
      displayHeaderFooter: options.headerFooter,
      headerTemplate:
        '<div style="font-size:8px;width:100%;text-align:right;margin-right:20mm">Zorginkoopbeleid Testverzekeraar ' +
        '2027</div>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center">Pagina <span class="pageNumber"></span> van <span ' +
        'class="totalPages"></span></div>',
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}
