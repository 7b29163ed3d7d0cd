import { createHash } from 'node:crypto';

/** The hash chain of the audit log. Pure: the same entry always hashes the same on any engine. */
export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = {
  partnershipId: string | null;
  at: Date;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
};

/** JSON with object keys sorted, so jsonb's own key order cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What a value looks like after a round trip through jsonb (dates become strings, undefined goes). */
export function asStoredJson(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

export function entryHash(prevHash: string, entry: ChainedFields): string {
  const payload = canonicalJson([
    prevHash,
    entry.partnershipId,
    entry.at.toISOString(),
    entry.actorUserId,
    entry.actorLabel,
    entry.action,
    entry.entityType,
    entry.entityId,
    asStoredJson(entry.before),
    asStoredJson(entry.after),
    entry.requestId,
  ]);
  return createHash('sha256').update(payload).digest('hex');
}
