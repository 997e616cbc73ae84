// A diff page's two enhancements. An unchanged section is a link to it in its policy; here it
// becomes a line that opens in place, its text fetched from the policy's own page (each page
// once), so the diff page need not carry every unchanged word. And the view switch (inline or
// side by side) appears and works in place. Without JavaScript the links and the inline view are there.
import { fetchOnce } from './lib/fetch-once.ts';
import { currentView, type RedlineView, rememberView, showView } from './lib/redline-views.ts';

const pageOf = fetchOnce(async (response) => new DOMParser().parseFromString(await response.text(), 'text/html'));

async function fill(details: HTMLDetailsElement, href: string): Promise<void> {
  if (!details.open || details.dataset.geladen) return;
  details.dataset.geladen = 'bezig';
  details.querySelector('.ongewijzigde-sectie__tekst')?.remove();
  const url = new URL(href, location.href);
  const id = decodeURIComponent(url.hash.slice(1));
  url.hash = '';
  const text = document.createElement('div');
  text.className = 'ongewijzigde-sectie__tekst';
  try {
    const section = (await pageOf(url.href)).getElementById(id);
    if (!section) throw new Error(`no section ${id}`);
    for (const child of section.children)
      if (!child.matches('.sectie__kop, .chips')) text.append(document.importNode(child, true));
    details.dataset.geladen = 'ja';
  } catch {
    text.textContent = 'De tekst kon niet worden geladen; volg de link hierboven.';
    details.dataset.geladen = '';
  }
  details.append(text);
}

for (const link of document.querySelectorAll<HTMLAnchorElement>('.ongewijzigde-secties a')) {
  const details = document.createElement('details');
  details.className = 'ongewijzigde-sectie';
  details.dataset.sectie = link.getAttribute('href') ?? '';
  const summary = document.createElement('summary');
  summary.textContent = link.textContent;
  const away = document.createElement('p');
  away.className = 'muted';
  const open = document.createElement('a');
  open.href = link.href;
  open.textContent = 'Lees de sectie in het beleid';
  away.append(open);
  details.append(summary, away);
  details.addEventListener('toggle', () => void fill(details, details.dataset.sectie!));
  link.replaceWith(details);
}

const viewSwitch = document.querySelector<HTMLFieldSetElement>('[data-weergavekeuze]');
if (viewSwitch) {
  const choices = [...viewSwitch.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  const initial = currentView();
  for (const choice of choices) choice.checked = choice.value === initial;
  if (initial !== 'inline') showView(document, initial);
  viewSwitch.hidden = false;
  viewSwitch.addEventListener('change', () => {
    const view = (choices.find((choice) => choice.checked)?.value ?? 'inline') as RedlineView;
    showView(document, view);
    rememberView(view);
  });
}
