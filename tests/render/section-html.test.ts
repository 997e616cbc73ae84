/** Section text to HTML: structure kept, everything from the source escaped, only safe links. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sectionTextToHtml } from '../../src/render/section-html.ts';

describe('sectionTextToHtml', () => {
  it('renders paragraphs, nested lists, tables and links', () => {
    const html = sectionTextToHtml(
      'Eerste alinea met [ZN](https://www.zn.nl) en [mail](mailto:a@b.nl).\n\n- een\n- twee\n  - genest\n- ' +
        'drie\n\nOnderwerp\tDatum\nAanbieding\tUiterlijk 30 september 2026',
    );
    assert.equal(
      html,
      '<p>Eerste alinea met <a href="https://www.zn.nl">ZN</a> en <a href="mailto:a@b.nl">mail</a>.</p>' +
        '<ul><li>een</li><li>twee<ul><li>genest</li></ul></li><li>drie</li></ul>' +
        '<div class="tabel"><table><thead><tr><th scope="col">Onderwerp</th><th ' +
        'scope="col">Datum</th></tr></thead><tbody><tr><td>Aanbieding</td><td>Uiterlijk 30 september ' +
        '2026</td></tr></tbody></table></div>',
    );
  });

  it('escapes markup in the text and drops unsafe links', () => {
    const html = sectionTextToHtml(
      '<script>alert(1)</script> <img src=x onerror=alert(2)> [klik](javascript:alert(3)) [x](data:text/html,hi)',
    );
    assert.equal(
      html,
      '<p>&#x3C;script>alert(1)&#x3C;/script> &#x3C;img src=x onerror=alert(2)> [klik](javascript:alert(3)) ' +
        '[x](data:text/html,hi)</p>',
    );
    assert.ok(!/<(?:script|img|a)\b/iu.test(html));
  });

  it('renders nothing for empty text', () => {
    assert.equal(sectionTextToHtml(''), '');
  });
});
