import { z } from 'zod';
import { type FieldError, invalid } from './errors.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Parses input with a Zod schema into a value or a list of field errors (never throws). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: toFieldErrors(result.error) };
}

/** Parses or throws a 422 listing the fields: for the API, where the error handler writes problem+json. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = parseInput(schema, input);
  if (!parsed.ok) throw invalid(parsed.errors);
  return parsed.value;
}

export function toFieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ field: key, message: `${key} is not a field we accept` });
      continue;
    }
    const field = issue.path.map(String).join('.') || 'body';
    if (seen.has(field)) continue; // one message per field, the first, as the GOV.UK pattern asks
    seen.add(field);
    errors.push({ field, message: issue.message });
  }
  return errors;
}

/** Form fields arrive as strings; an empty one means "not given". */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/** A "contains" search box of a list's filters: trimmed; blank means no filter. */
export const searchText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => v || undefined);

export const requiredText = (max: number, emptyMessage: string, label: string) =>
  z
    .string({ error: emptyMessage })
    .trim()
    .min(1, emptyMessage)
    .max(max, `${label} must be ${max} characters or fewer`);

export const uuid = (message: string) => z.uuid({ error: message });

/** An ISO date (YYYY-MM-DD) that is a real calendar date, from 1900 to 2199. */
export const isoDate = (invalidMessage: string, emptyMessage = invalidMessage) =>
  z
    .string({ error: emptyMessage })
    .trim()
    .min(1, emptyMessage)
    // Years the service can mean: PostgreSQL has no year 0, and a clock counted back from an early
    // year would fall off the calendar.
    .regex(/^(?:19|20|21)\d{2}-\d{2}-\d{2}$/, invalidMessage)
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    }, invalidMessage);

/** An optional date: '' or null means none. */
export const optionalIsoDate = (message: string) =>
  z
    .union([z.literal('').transform(() => null), z.null(), isoDate(message)])
    .optional()
    .transform((v) => v ?? null);

/** An optional reference to another record: '' or null means none. */
export const optionalUuid = (message: string) =>
  z
    .union([z.literal('').transform(() => null), z.null(), z.uuid({ error: message })])
    .optional()
    .transform((v) => v ?? null);

/** One id or many (a form's checkboxes send one value or several): always a list. */
export const idList = (message: string) =>
  z
    .union([
      z.literal('').transform(() => []),
      z.uuid({ error: message }).transform((v) => [v]),
      z.array(z.uuid({ error: message })).max(200),
    ])
    .optional()
    .transform((v) => [...new Set(v ?? [])]);
