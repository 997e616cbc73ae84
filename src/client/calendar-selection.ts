// The calendar's download follows its filter: the .ics of what the list shows (one insurer, or one
// insurer's care type). A care type across insurers has no file of its own, and
// the link says so. Without JavaScript the fixed links above it do.
import { paths } from '../core/routes.ts';

const link = document.getElementById('agenda-selectie') as HTMLAnchorElement | null;
const note = document.getElementById('agenda-selectie-noot');
const form = document.getElementById('kalenderfilter') as HTMLFormElement | null;

if (link && note && form) {
  const select = (name: string) => form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
  const [insurer, careType] = [select('verzekeraar'), select('zorgsoort')];
  const label = (choice: HTMLSelectElement) => choice.selectedOptions[0]?.textContent?.trim() ?? choice.value;
  const update = () => {
    const shown = document.querySelectorAll('.mijlpalen > li:not([hidden])').length;
    let href: string | null;
    let what = '';
    if (insurer.value && careType.value) {
      href = shown > 0 ? paths.calendarCareTypeIcs(insurer.value, careType.value) : null;
      what = `${label(insurer)}, ${label(careType)}`;
    } else if (insurer.value) {
      href = paths.calendarIcs(insurer.value);
      what = label(insurer);
    } else href = null;
    // Unfiltered, the links above say it all.
    link.hidden = href === null;
    if (href) {
      link.href = href;
      link.download = `zorginkoop-${href.split('/').slice(2).join('-')}`;
      link.textContent = `Deze selectie in je agenda: ${what} (.ics)`;
    }
    note.hidden = !(careType.value && !insurer.value);
  };
  form.addEventListener('change', () => requestAnimationFrame(update));
  requestAnimationFrame(update);
}
