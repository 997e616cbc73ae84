/** The Pagefind half of the build floor: index a folder of trivial pages as they are (tsx ... DIR). */
import * as pagefind from 'pagefind';

const dir = process.argv[2]!;
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nl' });
if (!index || errors.length) throw new Error(errors.join('\n'));
const added = await index.addDirectory({ path: dir });
if (added.errors.length) throw new Error(added.errors.join('\n'));
await index.writeFiles({ outputPath: `${dir}/pagefind` });
await pagefind.close();
console.log(JSON.stringify({ pages: added.page_count }));
