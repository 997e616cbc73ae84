/**
 * npm run preview -- [--dir DIR] [--port N] [--host HOST]
 *
 * Serves a built site (default dist/) on http://localhost:4321/ with the headers a static host
 * sends from its `_headers` file (src/build/preview-server.ts).
 */
import { parseArgs } from 'node:util';
import { config } from '../src/io/config.ts';
import { createStaticSiteServer } from '../src/build/preview-server.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: config().outDir },
    port: { type: 'string', default: '4321' },
    host: { type: 'string', default: 'localhost' },
  },
});
const server = createStaticSiteServer(values.dir);
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${values.port} is in use: stop what serves there, or choose another with --port.`
      : `The preview server could not start (${error.code ?? error.message}).`,
  );
  process.exit(1);
});
server.listen(Number(values.port), values.host, () =>
  console.log(`Serving ${values.dir}/ on http://${values.host}:${values.port}/`),
);
