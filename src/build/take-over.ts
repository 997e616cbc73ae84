/**
 * An incremental build renders only some pages; every other file of the site it replaces is
 * carried over into the new one, hard linked (src/io/link-or-copy.ts). Making the new site's
 * folders (thousands: a page is a folder) costs more than linking its files, so it is done
 * while Astro and the search index are still at work: the previous site is listed and its
 * folders made in the new one (prepareTakeOver), with Astro writing into a folder of its own.
 * What is left for after them is moving in what Astro wrote and linking the rest (assembleSite).
 */
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { linkOrCopy } from '../io/link-or-copy.ts';

/** One folder of a site: its files and its folders, by name. */
export interface FolderListing {
  files: string[];
  folders: Map<string, FolderListing>;
}

/** A site's folders and files, with the top-level folders in `skip` (written elsewhere) left out. */
export interface SiteListing {
  root: string;
  top: FolderListing;
}

const below = (relativeDir: string, name: string) => (relativeDir ? `${relativeDir}/${name}` : name);

/** Astro's server leftovers (*.mjs at the top) are no part of a site (site-and-search.ts). */
const isLeftover = (relativeDir: string, name: string) => relativeDir === '' && name.endsWith('.mjs');

export function listSite(root: string, skip: string[] = []): SiteListing {
  const list = (relativeDir: string): FolderListing => {
    const listing: FolderListing = { files: [], folders: new Map() };
    for (const entry of readdirSync(join(root, relativeDir), { withFileTypes: true })) {
      const path = below(relativeDir, entry.name);
      if (entry.isDirectory()) {
        if (!skip.includes(path)) listing.folders.set(entry.name, list(path));
      } else if (!isLeftover(relativeDir, entry.name)) listing.files.push(entry.name);
    }
    return listing;
  };
  return { root, top: list('') };
}

/** Whether a folder holds a file, here or deeper: only those are made in the new site. */
function holdsFiles(listing: FolderListing): boolean {
  return listing.files.length > 0 || [...listing.folders.values()].some(holdsFiles);
}

/**
 * The previous site listed, and its folders that hold files made in `siteDir` (a new folder):
 * the part of taking it over that can be done before the new pages are written.
 */
export function prepareTakeOver(previousRoot: string, siteDir: string, skip: string[] = []): SiteListing {
  const listing = listSite(previousRoot, skip);
  const make = (folder: FolderListing, relativeDir: string) => {
    mkdirSync(join(siteDir, relativeDir), { recursive: relativeDir === '' });
    for (const [name, sub] of folder.folders) if (holdsFiles(sub)) make(sub, below(relativeDir, name));
  };
  make(listing.top, '');
  return listing;
}

/**
 * The new site in `siteDir` (prepared by prepareTakeOver): every file written in `renderedDir`
 * moved in, then every file of the previous site that was not written again linked in.
 */
export function assembleSite(
  previous: SiteListing,
  renderedDir: string,
  siteDir: string,
): { moved: number; taken: number } {
  const written = new Set<string>();
  const move = (relativeDir: string) => {
    for (const entry of readdirSync(join(renderedDir, relativeDir), { withFileTypes: true })) {
      const path = below(relativeDir, entry.name);
      if (entry.isDirectory()) {
        // Made already unless the folder is new in this build.
        mkdirSync(join(siteDir, path), { recursive: true });
        move(path);
      } else {
        renameSync(join(renderedDir, path), join(siteDir, path));
        written.add(path);
      }
    }
  };
  move('');
  let taken = 0;
  const link = (folder: FolderListing, relativeDir: string) => {
    for (const name of folder.files) {
      const path = below(relativeDir, name);
      if (written.has(path)) continue;
      linkOrCopy(join(previous.root, path), join(siteDir, path));
      taken++;
    }
    for (const [name, sub] of folder.folders) link(sub, below(relativeDir, name));
  };
  link(previous.top, '');
  return { moved: written.size, taken };
}
