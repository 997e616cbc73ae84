/** The benchmark's split of a site by route: each output file to the route that wrote it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { astroFileTimes, routeOf, routesOf, sumByRoute } from './site-by-route.ts';

const routes = routesOf([
  'index.astro',
  '404.astro',
  'beleid/[id]/index.astro',
  'beleid/[id]/bron.astro',
  'vergelijk/index.astro',
  'vergelijk/[theme]/index.astro',
  'vergelijk/[theme]/[careType]/[year]/index.astro',
  'vergelijk/[theme]/[careType]/[year]/vergelijking.csv.ts',
  'kalender/[file].ics.ts',
  'kalender/[insurer]/[careType].ics.ts',
  'api/documents/[id].json.ts',
]);

describe('site by route', () => {
  it('matches each page and endpoint to its route, a static one before a dynamic one', () => {
    assert.equal(routeOf('index.html', routes), '/');
    assert.equal(routeOf('404.html', routes), '/404.html');
    assert.equal(routeOf('beleid/cz-2025-msz/index.html', routes), '/beleid/[id]/');
    assert.equal(routeOf('beleid/cz-2025-msz/bron/index.html', routes), '/beleid/[id]/bron/');
    assert.equal(routeOf('vergelijk/index.html', routes), '/vergelijk/');
    assert.equal(routeOf('vergelijk/duurzaamheid/index.html', routes), '/vergelijk/[theme]/');
    assert.equal(
      routeOf('/vergelijk/duurzaamheid/ggz/2025/index.html', routes),
      '/vergelijk/[theme]/[careType]/[year]/',
    );
    assert.equal(
      routeOf('vergelijk/duurzaamheid/ggz/2025/vergelijking.csv', routes),
      '/vergelijk/[theme]/[careType]/[year]/vergelijking.csv',
    );
    assert.equal(routeOf('kalender/alle.ics', routes), '/kalender/[file].ics');
    assert.equal(routeOf('kalender/cz/ggz.ics', routes), '/kalender/[insurer]/[careType].ics');
    assert.equal(routeOf('api/documents/cz-2025-msz.json', routes), '/api/documents/[id].json');
    assert.equal(routeOf('pagefind/pagefind.js', routes), '(elders)');
  });

  it('sums per route, largest first', () => {
    const sums = sumByRoute(
      [
        { file: 'beleid/a/index.html', value: 5 },
        { file: 'beleid/b/index.html', value: 7 },
        { file: 'beleid/a/bron/index.html', value: 20 },
      ],
      routes,
    );
    assert.deepEqual(sums, [
      { route: '/beleid/[id]/bron/', files: 1, value: 20 },
      { route: '/beleid/[id]/', files: 2, value: 12 },
    ]);
  });

  it("reads Astro's time per file from its build log", () => {
    const log = '12:00:01   ├─ /beleid/a/index.html (+12ms) \n12:00:01   └─ /kalender/alle.ics/ (+3ms)\nother line';
    assert.deepEqual(astroFileTimes(log), [
      { file: '/beleid/a/index.html', value: 12 },
      { file: '/kalender/alle.ics', value: 3 },
    ]);
  });
});
