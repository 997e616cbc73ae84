/**
 * Publishing a site with no moment without one: each build writes a folder of its own under
 * `.<out>-versions/` beside the output, and `<out>` is a symbolic link to the published one. A new
 * site is published by making a link to it under a temporary name and renaming that over `<out>`:
 * one rename, which the file system does whole or not at all. The folders of earlier and of
 * interrupted builds are removed by the next build, while it works (removeSuperseded): removing
 * a site's thousands of folders took seconds at the end of every build, after its last page.
 *
 * An `<out>` that is still a real folder (a site from before this layout, or another tool's) is
 * moved under the versions first; that one time there is a moment between the two renames.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';

export interface SiteLayout {
  /** The published path (a symbolic link). */
  out: string;
  /** The folder that holds every build's own folder. */
  versions: string;
}

export function siteLayout(outDir: string): SiteLayout {
  const out = resolve(outDir);
  return { out, versions: join(dirname(out), `.${basename(out)}-versions`) };
}

/** Folders beside the output that builds before the versioned layout left after a crash. */
const legacyStaging = (out: string) =>
  ['nieuw', 'zoekindex-nieuw'].map((suffix) => join(dirname(out), `.${basename(out)}-${suffix}`));
const legacyPrevious = (out: string) => join(dirname(out), `.${basename(out)}-vorige`);
/** The versions folder under its earlier name: emptied once a site of the current layout is published. */
const legacyVersions = (out: string) => join(dirname(out), `.${basename(out)}-versies`);

/** The folder the output points at now, or null when there is no site. */
export function publishedFolder(layout: SiteLayout): string | null {
  try {
    return realpathSync(layout.out);
  } catch {
    return null;
  }
}

/** A new, empty-named folder for this build's site (not created: the renderer creates it). */
export function newVersionFolder(layout: SiteLayout, now: Date = new Date()): string {
  mkdirSync(layout.versions, { recursive: true });
  const stamp = now
    .toISOString()
    .replace(/[-:]/gu, '')
    .replace(/\.\d+Z$/u, 'Z');
  return join(layout.versions, `${stamp}-${process.pid}`);
}

/**
 * After an interrupted build (killed, power cut): the last good site put back in place where a
 * build of the earlier layout left it aside, and the folders of that layout removed. Run with the
 * build lock held. Returns what it removed or restored, for the log.
 */
export function recoverInterrupted(layout: SiteLayout): string[] {
  const done: string[] = [];
  const previous = legacyPrevious(layout.out);
  if (!exists(layout.out) && existsSync(previous)) {
    renameSync(previous, layout.out);
    done.push(`restored the last good site from ${basename(previous)}/`);
  }
  for (const dir of [...legacyStaging(layout.out), previous]) {
    if (existsSync(dir)) {
      rmSync(dir, { recursive: true, force: true });
      done.push(`removed ${basename(dir)}/`);
    }
  }
  return done;
}

/** Every folder and file under the versions that the published site does not use: earlier and interrupted builds'. */
export function supersededVersions(layout: SiteLayout): string[] {
  if (!existsSync(layout.versions)) return [];
  const current = publishedFolder(layout);
  return readdirSync(layout.versions)
    .map((name) => join(layout.versions, name))
    .filter((path) => path !== current);
}

/** A version folder's own name (newVersionFolder), not a file or folder beside one. */
const VERSION_NAME = /^\d{8}T\d{6}Z-\d+$/u;

/** Of `paths` (superseded versions), the newest site folder: an incremental build makes its new site from it. */
export function newestSiteFolder(paths: string[]): string | null {
  const sites = paths.filter(
    (path) => VERSION_NAME.test(basename(path)) && statSync(path, { throwIfNoEntry: false })?.isDirectory(),
  );
  return sites.sort().at(-1) ?? null;
}

/**
 * Removes `paths` without holding up the caller: on libuv's threads, while the build goes on. The
 * caller waits for it before it lets go of the build lock. A folder that cannot be removed is
 * said, not fatal: the next build tries again.
 */
export async function removeSuperseded(paths: string[]): Promise<string[]> {
  const failed: string[] = [];
  await Promise.all(
    paths.map((path) =>
      rm(path, { recursive: true, force: true, maxRetries: 2 }).catch((error: NodeJS.ErrnoException) => {
        failed.push(`${path} (${error.code ?? error.message})`);
      }),
    ),
  );
  return failed;
}

/** Makes `folder` (under layout.versions) the published site, in one rename. */
export function publish(layout: SiteLayout, folder: string): void {
  const link = join(layout.versions, `.link-${process.pid}`);
  rmSync(link, { force: true });
  symlinkSync(relative(dirname(layout.out), folder), link, 'dir');
  if (exists(layout.out) && !lstatSync(layout.out).isSymbolicLink()) {
    // The earlier layout: a real folder, kept as a version until the link is in place.
    renameSync(layout.out, join(layout.versions, `previous-${process.pid}`));
  }
  renameSync(link, layout.out);
  rmSync(legacyVersions(layout.out), { recursive: true, force: true });
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
