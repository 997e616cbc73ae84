// "Vergelijk twee versies" on an insurer's history page: any two of its policies, whole or on one
// subject, compared in the browser from the open data (api/documents/<id>.json) with the same
// alignment, word diff and redline the build uses, shown in the page's view (inline or side by
// side, redline-views.ts). Without JavaScript the form stays hidden, and the page shows or links
// each policy against the one before it.
import { compareDocuments, type ComparedPair } from '../analysis/compare.ts';
import { statusLabel } from '../analysis/changelog.ts';
import { consecutiveVersionPairs } from '../analysis/history.ts';
import { counted, sectionLabel } from '../core/labels.ts';
import { paths } from '../core/routes.ts';
import type { PolicyDocument, Section } from '../core/schemas/document.ts';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { toRedlineHtml } from '../render/redline-html.ts';
import { fetchOnce } from './lib/fetch-once.ts';
import { currentView, showView, viewQuery } from './lib/redline-views.ts';

const form = document.getElementById('twee-versies') as HTMLFormElement | null;
const out = document.getElementById('twee-versies-uitkomst');
const statusLine = document.getElementById('twee-versies-status');

const fetchDocument = fetchOnce((response) => response.json() as Promise<PolicyDocument>);
const load = (id: string) => fetchDocument(paths.json(id));

/** The form's two sets of radio buttons (Van, Naar), one per policy, from its data-beleid lines. */
function addChoices(form: HTMLFormElement): void {
  const lines = (form.dataset.beleid ?? '').split('\n').filter(Boolean);
  const box = form.querySelector('.twee-versies__keuze');
  for (const [side, legendText, checkedIndex] of [
    ['van', 'Van', 1],
    ['naar', 'Naar', 0],
  ] as const) {
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = legendText;
    fieldset.append(legend);
    lines.forEach((line, index) => {
      const [id, careType, year, name] = line.split('\t') as [string, string, string, string];
      const label = document.createElement('label');
      const input = document.createElement('input');
      Object.assign(input, { type: 'radio', name: side, value: id, checked: index === checkedIndex });
      Object.assign(input.dataset, { label: name, zorgsoort: careType, jaar: year });
      label.append(input, ` ${name}`);
      fieldset.append(label);
    });
    box?.append(fieldset);
  }
}

if (form && out && statusLine) {
  addChoices(form);
  const choice = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
  const labelOf = (input: HTMLInputElement) => input.dataset.label ?? input.value;
  const themeSelect = form.querySelector<HTMLSelectElement>('select[name="thema"]')!;
  // The insurer's policies as the form lists them; consecutive versions have a page of their own.
  const versions = (insurer: string) =>
    [...form.querySelectorAll<HTMLInputElement>('input[name="van"]')].map((input) => ({
      id: input.value,
      insurer,
      careType: input.dataset.zorgsoort ?? '',
      year: Number(input.dataset.jaar),
    }));
  const consecutive = (from: PolicyDocument, to: PolicyDocument) =>
    consecutiveVersionPairs(versions(to.insurer)).some(([a, b]) => a.id === from.id && b.id === to.id);

  const link = (document: PolicyDocument, section: Section) => [
    `${document.year}: `,
    h('a', { href: paths.section(document.id, section.id) }, sectionLabel(section)),
  ];
  const pairNode = (pair: ComparedPair, from: PolicyDocument, to: PolicyDocument) => {
    const where = [pair.old && link(from, pair.old), pair.new && link(to, pair.new)].filter((part) => part !== null);
    return h(`article.wijziging.wijziging--${pair.status}`, [
      h('h3', [
        h(`span.status.status--${pair.status}`, [statusLabel(pair.status), h('span.visually-hidden', ': ')]),
        ` ${sectionLabel(pair.new ?? pair.old!)}`,
      ]),
      h(
        'p.muted',
        where.flatMap((part, index) => (index > 0 ? [' → ', ...part] : part)),
      ),
      pair.diff
        ? { type: 'raw' as const, value: toRedlineHtml(pair.diff) }
        : h('p.muted', 'De tekst is gelijk gebleven; alleen de plaats in het document is veranderd.'),
    ]);
  };

  async function run(): Promise<void> {
    const fromInput = choice('van');
    const toInput = choice('naar');
    if (!fromInput || !toInput) return;
    const query = new URLSearchParams(location.search);
    query.set('van', fromInput.value);
    query.set('naar', toInput.value);
    if (themeSelect.value) query.set('thema', themeSelect.value);
    else query.delete('thema');
    history.replaceState(null, '', `${location.pathname}?${query}${location.hash}`);
    if (fromInput.value === toInput.value) {
      statusLine!.textContent = 'Kies twee verschillende versies.';
      out!.replaceChildren();
      return;
    }
    statusLine!.textContent = `${labelOf(fromInput)} en ${labelOf(toInput)} worden vergeleken…`;
    let from: PolicyDocument;
    let to: PolicyDocument;
    try {
      [from, to] = await Promise.all([load(fromInput.value), load(toInput.value)]);
    } catch {
      statusLine!.textContent = 'De beleidsstukken konden niet worden geladen. Probeer het opnieuw.';
      return;
    }
    const comparison = compareDocuments(from, to);
    const theme = themeSelect.value;
    const themeLabel = themeSelect.selectedOptions[0]?.textContent?.trim() ?? '';
    const pairs = comparison.pairs.filter(
      (pair) =>
        pair.status !== 'unchanged' && (!theme || pair.old?.themes.includes(theme) || pair.new?.themes.includes(theme)),
    );
    const [fromLabel, toLabel] = [labelOf(fromInput), labelOf(toInput)];
    const notes = [
      consecutive(from, to) &&
        h('p', [
          h(
            'a',
            { href: `${paths.comparison({ from, to })}${viewQuery()}` },
            'Open deze vergelijking als eigen pagina',
          ),
          ', met de wijzigingenlijst erbij.',
        ]),
      from.careType !== to.careType &&
        h(
          'p.let-op',
          `Let op: dit zijn twee verschillende beleidsdocumenten (${fromLabel} en ${toLabel}), ` +
            'geen twee versies van één beleid.',
        ),
      from.year > to.year &&
        h('p.let-op', `Let op: de eerste keuze is de nieuwere; wat “toegevoegd” heet, staat alleen in ${toLabel}.`),
    ].filter((note) => note !== false);
    const section = h(
      'section.vergelijking',
      { ariaLabelledBy: 'twee-versies-titel', dataVan: fromLabel, dataNaar: toLabel },
      [
        h('h2#twee-versies-titel', `${fromLabel} → ${toLabel}${theme ? `: ${themeLabel}` : ''}`),
        ...notes,
        h('p.legenda.redline-legenda', [
          h('span', [h('ins', 'groen'), `: toegevoegd in ${toLabel}`]),
          ' ',
          h('span', [h('del', 'rood'), `: verwijderd ten opzichte van ${fromLabel}`]),
          ' ',
          h('span', [h('span.legenda-balk', { ariaHidden: 'true' }), ' balk in de marge: gewijzigde alinea']),
        ]),
        ...(pairs.length === 0
          ? [h('p', 'Geen wijzigingen in deze selectie.')]
          : pairs.map((pair) => pairNode(pair, from, to))),
      ],
    );
    // Every text escaped by hast-util-to-html; the redline is its own output, taken as it is.
    out!.innerHTML = toHtml(section, { allowDangerousHtml: true });
    showView(out!, currentView());
    const found = counted(pairs.length, 'wijziging', 'wijzigingen');
    statusLine!.textContent = `${fromLabel} → ${toLabel}${theme ? ` (${themeLabel})` : ''}: ${found}.`;
  }

  // A shared link (?van=…&naar=…&thema=…) sets the form and runs it.
  const params = new URLSearchParams(location.search);
  for (const name of ['van', 'naar']) {
    const input = form.querySelector<HTMLInputElement>(
      `input[name="${name}"][value="${CSS.escape(params.get(name) ?? '')}"]`,
    );
    if (input) input.checked = true;
  }
  if (params.has('thema')) themeSelect.value = params.get('thema') ?? '';
  form.hidden = false;
  // What only this script can open (steps from one care type to another) shows with it.
  for (const section of document.querySelectorAll<HTMLElement>('[data-met-script]')) section.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  if (params.has('van') && params.has('naar')) void run();
}
