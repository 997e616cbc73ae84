// Beside every section's heading: its permalink ("#"), and "Kopieer link" and "Citeer", which copy
// the section's permanent URL or a whole citation (policy, section, source lines or pages, URL,
// date) to the clipboard. The page itself carries none of them: a policy has dozens of sections,
// and without this script the table of contents links to each.
import { sectionCitationText } from '../../core/labels.ts';

function copyButton(label: string, ariaLabel: string, text: () => string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-link secondary';
  button.textContent = label;
  button.setAttribute('aria-label', ariaLabel);
  button.addEventListener('click', async () => {
    await navigator.clipboard.writeText(text());
    button.textContent = 'Gekopieerd';
    setTimeout(() => {
      button.textContent = label;
    }, 2000);
  });
  return button;
}

function permalink(section: HTMLElement, label: string): HTMLAnchorElement {
  const link = document.createElement('a');
  link.className = 'permalink';
  link.href = `#${section.id}`;
  link.setAttribute('aria-label', `Permalink naar ${label}`);
  link.textContent = '#';
  return link;
}

export function addSectionLinks(): void {
  for (const head of document.querySelectorAll<HTMLElement>('section.sectie[id] > .sectie__kop')) {
    const heading = head.querySelector('h1, h2, h3, h4, h5, h6');
    // The section as its heading names it (number and title).
    const label = heading?.textContent?.replace(/\s+/gu, ' ').trim() || 'deze sectie';
    const link = permalink(head.parentElement!, label);
    head.append(link);
    if (!navigator.clipboard) continue;
    const container = link.closest<HTMLElement>('[data-citeer-beleid]');
    // The canonical address when the site knows it, so a citation made on a preview still points home.
    const url = () =>
      new URL(link.getAttribute('href') ?? '', new URL(location.pathname, container?.dataset.site || location.href))
        .href;
    const buttons: HTMLButtonElement[] = [copyButton('Kopieer link', `Kopieer link naar ${label}`, url)];
    const source = link.closest('section')?.querySelector('.bron');
    if (container && source)
      buttons.push(
        copyButton('Citeer', `Citeer ${label}`, () =>
          sectionCitationText({
            policy: container.dataset.citeerBeleid ?? '',
            section: label,
            source: (source.textContent ?? '').replace(/^bron:\s*/u, '').trim(),
            url: url(),
            consulted: new Date().toISOString().slice(0, 10),
          }),
        ),
      );
    link.after(...buttons);
  }
}
