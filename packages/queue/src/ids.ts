import { randomBytes } from 'node:crypto';

// Ids carry their creation time so that an id whose data has expired can be told from one never issued.
// BullMQ ids must not contain ':'.
const ID_PATTERN = /^([jb])([0-9a-z]{8,9})-([0-9a-f]{12})$/;

export function newJobId(now = Date.now()): string {
  return `j${now.toString(36)}-${randomBytes(6).toString('hex')}`;
}

export function newBatchId(now = Date.now()): string {
  return `b${now.toString(36)}-${randomBytes(6).toString('hex')}`;
}

/** When the id was issued, or null if it is not one of ours. */
export function idIssuedAt(id: string, kind: 'job' | 'batch'): number | null {
  const match = ID_PATTERN.exec(id);
  if (!match || match[1] !== (kind === 'job' ? 'j' : 'b')) return null;
  return parseInt(match[2]!, 36);
}
