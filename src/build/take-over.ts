/**
 * An incremental build renders only some pages; every other file of the site it replaces is
 * carried over into the new one, hard linked (src/io/link-or-copy.ts). That is done while Astro
 * and the search index are still at work, Astro writing into a folder of its own: the previous
 * site is mirrored into the new one (prepareTakeOver), and what is left for after them is moving
 * in what Astro wrote (assembleSite).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { linkOrCopy } from '../io/link-or-copy.ts';

/** One folder of a site: its files and its folders that hold files, by name. */
interface FolderListing {
  files: string[];
  folders: Map<string, FolderListing>;
}

const below = (relativeDir: string, name: string) => (relativeDir ? `${relativeDir}/${name}` : name);

/** Astro's server leftovers (*.mjs at the top) are no part of a site (site-and-search.ts). */
const isLeftover = (relativeDir: string, name: string) => relativeDir === '' && name.endsWith('.mjs');

/**
 * A site's files and folders, with the top-level folders in `skip` (written elsewhere) and
 * folders without a file below them (none is made in the new site) left out.
 */
function listSite(root: string, skip: string[]): FolderListing {
  const list = (relativeDir: string): FolderListing => {
    const listing: FolderListing = { files: [], folders: new Map() };
    for (const entry of readdirSync(join(root, relativeDir), { withFileTypes: true })) {
      const path = below(relativeDir, entry.name);
      if (entry.isDirectory()) {
        if (skip.includes(path)) continue;
        const folder = list(path);
        if (folder.files.length || folder.folders.size) listing.folders.set(entry.name, folder);
      } else if (!isLeftover(relativeDir, entry.name)) listing.files.push(entry.name);
    }
    return listing;
  };
  return list('');
}

/** Whether two paths are one file (hard links of one inode). */
function sameFile(a: string, b: string): boolean {
  try {
    const [first, second] = [statSync(a), statSync(b)];
    return first.ino === second.ino && first.dev === second.dev;
  } catch {
    return false;
  }
}

/**
 * The previous site, listed and mirrored into `siteDir` as hard links, before the new pages are
 * written: what is left for after them is moving in what was rendered (assembleSite).
 *
 * `recycle`, an earlier build's site folder that no one serves, is made into the new site rather
 * than a new folder: after incremental builds most of its files are links of the very files of
 * the previous site, and its folders are there. Only what differs is linked again and what the
 * previous site lacks removed, instead of making thousands of folders and deleting as many; on a
 * disk that discards freed blocks as it goes, deleting slowed everything the build wrote next.
 */
export function prepareTakeOver(
  previousRoot: string,
  siteDir: string,
  options: { skip?: string[]; recycle?: string | null } = {},
): void {
  const listing = listSite(previousRoot, options.skip ?? []);
  const recycled = !!options.recycle && existsSync(options.recycle);
  if (recycled) renameSync(options.recycle!, siteDir);
  const mirror = (folder: FolderListing, relativeDir: string) => {
    const target = join(siteDir, relativeDir);
    const there = recycled && !!statSync(target, { throwIfNoEntry: false })?.isDirectory();
    if (!there) {
      // In a recycled site, a file may stand where the previous site has a folder.
      if (recycled) rmSync(target, { force: true });
      mkdirSync(target, { recursive: relativeDir === '' });
    } else {
      // What the recycled folder holds that the previous site does not.
      const wanted = new Set([...folder.files, ...folder.folders.keys()]);
      for (const name of readdirSync(target))
        if (!wanted.has(name)) rmSync(join(target, name), { recursive: true, force: true });
    }
    for (const name of folder.files) {
      const path = below(relativeDir, name);
      const source = join(previousRoot, path);
      if (recycled && sameFile(source, join(siteDir, path))) continue;
      if (recycled) rmSync(join(siteDir, path), { recursive: true, force: true });
      linkOrCopy(source, join(siteDir, path));
    }
    for (const [name, sub] of folder.folders) mirror(sub, below(relativeDir, name));
  };
  mirror(listing, '');
}

/**
 * The new site in `siteDir` (prepared by prepareTakeOver): every file written in `renderedDir`
 * moved in, each in one rename over the previous site's link. Returns how many.
 */
export function assembleSite(renderedDir: string, siteDir: string): number {
  let moved = 0;
  const move = (relativeDir: string) => {
    for (const entry of readdirSync(join(renderedDir, relativeDir), { withFileTypes: true })) {
      const path = below(relativeDir, entry.name);
      if (entry.isDirectory()) {
        // There already unless the folder is new in this build.
        mkdirSync(join(siteDir, path), { recursive: true });
        move(path);
      } else {
        renameSync(join(renderedDir, path), join(siteDir, path));
        moved++;
      }
    }
  };
  move('');
  return moved;
}
