import type { z } from 'zod';
import { parseInput } from './validation.ts';

/**
 * Turns a submitted form into the input its Zod schema expects: drops the CSRF field and joins the
 * GOV.UK date input's day, month and year ("startsOn-day" …) into 'YYYY-MM-DD'.
 */
export function formInput(body: unknown, dateFields: string[] = []): Record<string, unknown> {
  const form = { ...(body as Record<string, unknown>) };
  delete form._csrf;
  for (const field of dateFields) {
    const parts = ['day', 'month', 'year'].map((p) => {
      const value = form[`${field}-${p}`];
      delete form[`${field}-${p}`];
      return typeof value === 'string' ? value.trim() : '';
    });
    const [day, month, year] = parts as [string, string, string];
    if (!day && !month && !year) form[field] = '';
    else if (/^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year)) {
      form[field] = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    } else form[field] = `invalid:${year}-${month}-${day}`;
  }
  return form;
}

/** The day, month and year of a 'YYYY-MM-DD' value, for filling a GOV.UK date input again. */
export function dateParts(value: unknown): { day: string; month: string; year: string } {
  if (typeof value !== 'string') return { day: '', month: '', year: '' };
  const match = /^(?:invalid:)?(\d*)-(\d*)-(\d*)$/.exec(value);
  if (!match) return { day: '', month: '', year: '' };
  const [, year = '', month = '', day = ''] = match;
  return { day: day.replace(/^0(?=\d)/, ''), month: month.replace(/^0(?=\d)/, ''), year };
}

/**
 * For `.catch()` on a service call from a page: a refusal with field errors (409, 422) becomes the
 * form's error summary; anything else is still thrown.
 */
function asFormErrors(error: unknown): { errors: { field: string; message: string }[] } {
  const fieldErrors = (error as { errors?: { field: string; message: string }[] } | null)?.errors;
  const status = (error as { status?: number } | null)?.status;
  if ((status === 409 || status === 422) && fieldErrors && fieldErrors.length > 0)
    return { errors: fieldErrors };
  throw error;
}

export type Submitted<R> =
  | { ok: true; result: R }
  | { ok: false; errors: { field: string; message: string }[] };

/**
 * The one path of every form: parse the input with its schema, then save it; field errors from
 * either step come back for the page to show in its error summary, anything else is thrown.
 */
export async function submitForm<S extends z.ZodType, R>(
  input: Record<string, unknown>,
  schema: S,
  save: (value: z.output<S>) => Promise<R>,
): Promise<Submitted<R>> {
  const parsed = parseInput(schema, input);
  if (!parsed.ok) return parsed;
  return saveForm(() => save(parsed.value));
}

/** For a form with nothing to parse (a button, a file): the save's field errors come back for the page. */
export async function saveForm<R>(save: () => Promise<R>): Promise<Submitted<R>> {
  try {
    return { ok: true, result: await save() };
  } catch (error) {
    return { ok: false, errors: asFormErrors(error).errors };
  }
}
