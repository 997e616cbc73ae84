// Small progressive enhancements for content pages; everything works without this file.
// A "Kopieer link" button beside every section permalink.
for (const link of document.querySelectorAll<HTMLAnchorElement>('a.permalink')) {
  if (!navigator.clipboard) break;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-link secondary';
  button.textContent = 'Kopieer link';
  button.setAttribute('aria-label', `Kopieer link naar ${link.dataset.label ?? 'deze sectie'}`);
  button.addEventListener('click', async () => {
    await navigator.clipboard.writeText(new URL(link.getAttribute('href') ?? '', location.href).href);
    button.textContent = 'Gekopieerd';
    setTimeout(() => {
      button.textContent = 'Kopieer link';
    }, 2000);
  });
  link.after(button);
}

// On a phone the table of contents and the search filters start folded, so the text comes first.
if (matchMedia('(max-width: 60rem)').matches) {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('details[data-fold-on-phone]'))
    details.open = false;
}
