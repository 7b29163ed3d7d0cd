import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * NCSC password guidance: a minimum length, a deny-list of common passwords, no composition rules
 * (no forced symbols or digits) and no forced expiry.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

const common = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/** A common password with a number or symbol stuck on the end is still a common password. */
function stem(password: string): string {
  return password.toLowerCase().replace(/[\d\W_]+$/u, '');
}

export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  }
  const lower = password.toLowerCase();
  if (common.has(lower) || common.has(stem(password)) || /^(.)\1+$/u.test(password)) {
    return 'Password is too common: choose one that is harder to guess, such as three random words';
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) {
    return 'Password must not contain your email address';
  }
  return null;
}
