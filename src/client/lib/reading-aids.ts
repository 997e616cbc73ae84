// Aids for reading a long policy, all optional: without them the table of contents is a plain
// list and "Naar boven" a plain link at the foot of the text.

/** Marks in the table of contents the section being read (aria-current), as the reader scrolls. */
export function followTableOfContents(): void {
  const toc = document.querySelector('nav.toc');
  if (!toc || !('IntersectionObserver' in window)) return;
  const links = new Map<string, HTMLAnchorElement>();
  for (const link of toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'))
    links.set(decodeURIComponent(link.hash.slice(1)), link);
  const visible = new Set<Element>();
  let current: HTMLAnchorElement | undefined;
  const sections = [...document.querySelectorAll<HTMLElement>('section.sectie[id]')].filter((s) => links.has(s.id));
  const order = new Map(sections.map((section, index) => [section, index]));
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) entry.isIntersecting ? visible.add(entry.target) : visible.delete(entry.target);
      // The first section on screen is the one being read.
      const first = [...visible].sort((a, b) => order.get(a as HTMLElement)! - order.get(b as HTMLElement)!)[0];
      const link = first && links.get(first.id);
      if (!link || link === current) return;
      current?.removeAttribute('aria-current');
      link.setAttribute('aria-current', 'location');
      current = link;
      // Keep the marked entry in view in a table of contents that scrolls on its own (the page does not move).
      if (toc.scrollHeight > toc.clientHeight) {
        const top = link.getBoundingClientRect().top - toc.getBoundingClientRect().top + toc.scrollTop;
        if (top < toc.scrollTop || top > toc.scrollTop + toc.clientHeight - link.offsetHeight)
          toc.scrollTop = top - toc.clientHeight / 3;
      }
    },
    // A section counts as read from when it reaches the upper part of the screen.
    { rootMargin: '0px 0px -60% 0px' },
  );
  for (const section of sections) observer.observe(section);
}

/** "Naar boven" only once the reader is a screen or more down the page. */
export function backToTop(): void {
  const link = document.querySelector<HTMLElement>('.naar-boven');
  if (!link) return;
  const update = () => link.classList.toggle('naar-boven--verborgen', window.scrollY < window.innerHeight);
  update();
  window.addEventListener('scroll', update, { passive: true });
}
