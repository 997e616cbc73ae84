/** The one content hash of the project: SHA-256, hex, of bytes or of a string's UTF-8. */
import { createHash } from 'node:crypto';

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
