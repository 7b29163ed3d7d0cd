import { z } from 'zod';

export const signInForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address')
    .max(320)
    .email('Enter an email address in the correct format, like name@example.com'),
  password: z.string().min(1, 'Enter your password').max(1024, 'Password must be 1024 characters or fewer'),
  next: z.string().optional(),
});

export const tokenRequest = z.strictObject({
  email: z.string().trim().min(1, 'email is required').max(320).email('email must be an email address'),
  password: z.string().min(1, 'password is required').max(1024),
});

export const tokenResponse = z.object({ token: z.string(), expiresAt: z.string() });

export const setPasswordForm = z
  .object({
    password: z.string().min(1, 'Enter a password').max(1024),
    confirm: z.string().min(1, 'Enter the password again'),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The passwords do not match' });

/** Only a path on this site, so the sign-in page cannot be used to send people elsewhere. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';
}
