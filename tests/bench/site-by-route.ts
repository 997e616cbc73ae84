/**
 * Where a built site's bytes and Astro's seconds go, per route of src/pages: each output file
 * (a page's index.html, an endpoint's .ics, .csv, .json or .xml) is matched to the route that
 * wrote it, static routes before dynamic ones, as Astro itself resolves them.
 */

export interface Route {
  /** As the report shows it: "/beleid/[id]/bron/", "/kalender/[insurer]/[careType].ics". */
  route: string;
  pattern: RegExp;
}

/** The routes of the files under src/pages (paths relative to it: "beleid/[id]/bron.astro"). */
export function routesOf(pageFiles: string[]): Route[] {
  const routes = pageFiles
    .filter((file) => /\.(astro|ts)$/u.test(file))
    .map((file) => {
      const page = file.endsWith('.astro');
      const path = file.replace(/\.(astro|ts)$/u, '');
      // A page writes <route>/index.html (index.astro: the folder's, 404.astro: 404.html); an endpoint its own name.
      const route = page ? (path === '404' ? '404.html' : `${path.replace(/(^|\/)index$/u, '')}/`) : path;
      const source = route
        .split('/')
        .map((segment) =>
          segment
            .replace(/[.*+?^${}()|\\]/gu, '\\$&')
            .replace(/\[\.\.\.[^\]]+\]/gu, '.+')
            .replace(/\[[^\]]+\]/gu, '[^/]+'),
        )
        .join('/');
      const output = page && route !== '404.html' ? `${source}index\\.html` : source;
      return {
        route: route === '404.html' ? '/404.html' : `/${route.replace(/^\//u, '')}`,
        pattern: new RegExp(`^${output.replace(/^\//u, '')}$`, 'u'),
      };
    });
  const params = (route: Route) => (route.route.match(/\[/gu) ?? []).length;
  return routes.sort((a, b) => params(a) - params(b) || b.route.length - a.route.length);
}

export function routeOf(file: string, routes: Route[]): string {
  const path = file.replace(/^\/+/u, '');
  return routes.find((route) => route.pattern.test(path))?.route ?? '(elders)';
}

export interface RouteFigure {
  route: string;
  files: number;
  value: number;
}

/** Files (relative to the output folder) with a figure each, summed per route, largest first. */
export function sumByRoute(files: Array<{ file: string; value: number }>, routes: Route[]): RouteFigure[] {
  const sums = new Map<string, RouteFigure>();
  for (const { file, value } of files) {
    const route = routeOf(file, routes);
    const sum = sums.get(route) ?? { route, files: 0, value: 0 };
    sum.files++;
    sum.value += value;
    sums.set(route, sum);
  }
  return [...sums.values()].sort((a, b) => b.value - a.value);
}

/**
 * The milliseconds Astro prints per file it wrote ("├─ /beleid/x/index.html (+12ms)"), per file;
 * it prints an endpoint's file with a slash after it ("/api/documents/x.json/").
 */
export function astroFileTimes(log: string): Array<{ file: string; value: number }> {
  return [...log.matchAll(/[├└]─ (\/\S+) \(\+(\d+)ms\)/gu)].map((match) => ({
    file: match[1]!.replace(/(\.[a-z]+)\/$/u, '$1'),
    value: Number(match[2]),
  }));
}
