/** PostgreSQL's SQLSTATE codes we turn into messages for people (the same on PGlite and a server). */
export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';

export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export const isUniqueViolation = (error: unknown) => sqlState(error) === UNIQUE_VIOLATION;

/**
 * Values PostgreSQL could not read as their type: text that is not a uuid or a date, a date out of
 * range. They come from what was sent (a forged pagination cursor, say), so they are the sender's
 * error, not the service's.
 */
export const INVALID_VALUE_STATES: ReadonlySet<string> = new Set(['22P02', '22007', '22008', '22003']);
export const isInvalidValue = (error: unknown) => INVALID_VALUE_STATES.has(sqlState(error) ?? '');

/**
 * An error in the data one statement carried (SQLSTATE class 22, data exception, or 23, integrity
 * constraint violation), as opposed to the database being unreachable or the transaction failing.
 */
export const isDataError = (error: unknown) => /^2[23]/.test(sqlState(error) ?? '');
