/** The source page's lines as list items: anchors, page starts, and every character escaped. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sourceLinesHtml } from '../../src/render/source-lines-html.ts';

describe('source lines as list items', () => {
  it('gives each line its anchor, and a page its own item before its first line', () => {
    const lines = ['Voorwoord', '', 'De zorg', 'staat onder druk.'];
    assert.equal(
      sourceLinesHtml(lines, 2, 4, new Map([[3, 2]])),
      '<li id="r2"></li><li class="paginagrens" id="p2">Pagina 2</li><li id="r3" value="3">De zorg</li>' +
        '<li id="r4">staat onder druk.</li>',
    );
    assert.equal(sourceLinesHtml(lines, 1, 1, new Map()), '<li id="r1">Voorwoord</li>');
  });

  it('escapes markup in the source text: it shows as text, never as elements', () => {
    const hostile = ['<script>alert(1)</script> & <img src=x onerror=alert(2)>'];
    const html = sourceLinesHtml(hostile, 1, 1, new Map());
    assert.doesNotMatch(html, /<script|<img/u);
    assert.match(html, /&#x3C;script>alert\(1\)&#x3C;\/script> &#x26; &#x3C;img src=x onerror=alert\(2\)>/u);
  });
});
