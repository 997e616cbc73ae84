// Small progressive enhancements for content pages; everything works without this file.
import { addSectionLinks } from './lib/citations.ts';
import { markSearchedWords } from './lib/mark-words.ts';
import { backToTop, followTableOfContents } from './lib/reading-aids.ts';

addSectionLinks();

// On a phone the table of contents starts folded, so the text comes first.
if (matchMedia('(max-width: 60rem)').matches) {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('details[data-fold-on-phone]'))
    details.open = false;
}

markSearchedWords();
followTableOfContents();
backToTop();
