// The calendar's timeline: the line for today (the reader's today: the page is static) and
// columns that follow the list's filter. Without JavaScript the timeline shows every date and no
// line.
import { timelinePosition } from '../core/timeline.ts';

const SVG = 'http://www.w3.org/2000/svg';
const svg = document.getElementById('tijdlijn') as SVGSVGElement | null;
const note = document.getElementById('tijdlijn-vandaag');

if (svg && note) {
  const months = (svg.dataset.maanden ?? '').split(' ').map((month) => ({ month, count: 0 }));
  const column = Number(svg.dataset.kolom);
  const bar = Number(svg.dataset.balk);
  const top = Number(svg.dataset.boven);
  const width = months.length * column;

  const now = new Date();
  const two = (value: number) => String(value).padStart(2, '0');
  const today = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  const spoken = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }).format(now);
  const position = timelinePosition(months, today);
  if (position === null) {
    const after = today > `${months.at(-1)!.month}-31`;
    note.textContent = `Vandaag, ${spoken}, ligt ${after ? 'na de laatste' : 'voor de eerste'} datum van de tijdlijn.`;
  } else {
    const x = Math.round(position * width) + 0.5;
    const line = document.createElementNS(SVG, 'line');
    for (const [name, value] of Object.entries({ x1: x, x2: x, y1: 0, y2: top + bar + 4 }))
      line.setAttribute(name, String(value));
    line.setAttribute('class', 'tijdlijn__nu');
    line.id = 'tijdlijn-nu';
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('class', 'tijdlijn__nu-label');
    // Beside the line, on the side with room for the word.
    const left = x > width - 56;
    label.setAttribute('x', String(left ? x - 3 : x + 3));
    if (left) label.setAttribute('text-anchor', 'end');
    label.setAttribute('y', '10');
    label.textContent = 'vandaag';
    svg.append(line, label);
    note.textContent = `De rode lijn is vandaag, ${spoken}.`;
    // Today in view: the frame scrolls to put it a third of the way in.
    const frame = svg.parentElement!;
    frame.scrollLeft = Math.max(0, x - frame.clientWidth / 3);
  }
  note.hidden = false;

  // The columns count what the list shows: after the filter hides dates, the months follow.
  const most = Number(svg.dataset.meeste);
  const redraw = () => {
    const counts = new Map<string, number>();
    for (const time of document.querySelectorAll<HTMLTimeElement>('.mijlpalen > li:not([hidden]) time[datetime]')) {
      const month = time.dateTime.slice(0, 7);
      counts.set(month, (counts.get(month) ?? 0) + 1);
    }
    for (const group of svg.querySelectorAll<SVGGElement>('g[data-maand]')) {
      const count = counts.get(group.dataset.maand ?? '') ?? 0;
      const link = group.querySelector('a');
      if (!link) continue;
      const height = count === 0 ? 0 : Math.max(3, Math.round((count / most) * bar));
      const rect = link.querySelector('.tijdlijn__balk')!;
      rect.setAttribute('y', String(top + bar - height));
      rect.setAttribute('height', String(height));
      const text = link.querySelector('.tijdlijn__aantal')!;
      text.setAttribute('y', String(top + bar - height - 4));
      text.textContent = count === 0 ? '' : String(count);
      link.setAttribute(
        'aria-label',
        link.getAttribute('aria-label')!.replace(/: .*$/u, `: ${count === 1 ? '1 datum' : `${count} data`}`),
      );
      if (count === 0) link.setAttribute('tabindex', '-1');
      else link.removeAttribute('tabindex');
    }
  };
  // After filter-list.ts has applied the choice (its listener runs first on the same event).
  for (const form of document.querySelectorAll('form[data-filter]'))
    form.addEventListener('change', () => requestAnimationFrame(redraw));
  requestAnimationFrame(redraw);
}
