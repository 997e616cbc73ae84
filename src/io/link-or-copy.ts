import { copyFileSync, linkSync } from 'node:fs';

/**
 * A file from an earlier build put into a new one: hard linked, so a site of a gigabyte costs its
 * disk space once and takes no time to carry over, or copied where links cannot be made (another
 * file system, or not allowed). Safe because no build writes into a finished file.
 */
export function linkOrCopy(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}
