import { createRequire } from 'node:module';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { dateParts } from '../http/forms.ts';
import { checkedIn, selectOptions, toChoices } from './choices.ts';
import { installEscapeWide } from './nunjucks-escape.ts';
import { installFrameSet } from './nunjucks-frame.ts';
import { rememberResolved } from './nunjucks-resolve.ts';

const require = createRequire(import.meta.url);
export const GOVUK_DIST = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist');
const SRC = path.resolve(import.meta.dirname, '../..');

/** How templates are read and written out (templates.test.ts parses them the same way). */
export const TEMPLATE_OPTIONS = {
  autoescape: true,
  throwOnUndefined: false,
  trimBlocks: true,
  lstripBlocks: true,
};

export type Renderer = { render(template: string, context: Record<string, unknown>): string };

/**
 * Templates are found by path from src/platform or src/features (e.g. "partnership/views/groups.njk")
 * and GOV.UK Frontend's own macros ("govuk/components/button/macro.njk"). Autoescape is on: text is
 * always escaped on output unless a template says otherwise, and characters above U+00FF are written as
 * references so that a page stays one byte a character (nunjucks-escape.ts).
 */
export function createRenderer(options: { watch?: boolean } = {}): Renderer {
  installFrameSet();
  installEscapeWide();
  const loader = new nunjucks.FileSystemLoader(
    [path.join(SRC, 'platform'), path.join(SRC, 'features'), GOVUK_DIST],
    {
      noCache: options.watch ?? false,
    },
  );
  rememberResolved(loader);
  const env = new nunjucks.Environment(loader, TEMPLATE_OPTIONS);
  env.addFilter('date', formatDate);
  env.addFilter('dateTime', formatDateTime);
  env.addFilter('fieldError', fieldError);
  env.addFilter('choices', toChoices);
  env.addFilter('checkedIn', checkedIn);
  env.addGlobal('dateInputItems', dateInputItems);
  env.addGlobal('selectOptions', selectOptions);
  return { render: (template, context) => env.render(template, context) };
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const longDateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});

/** "1 April 2024", the GOV.UK style, from a Date or a 'YYYY-MM-DD' string. */
export function formatDate(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value !== 'string')
    return Number.isNaN(value.getTime()) ? String(value) : longDate.format(value);
  // A list shows the same few days many times, and Intl formatting is among a page's costliest calls.
  const day = value.slice(0, 10);
  let text = formattedDays.get(day);
  if (text === undefined) {
    const date = new Date(`${day}T12:00:00Z`);
    if (Number.isNaN(date.getTime())) return value;
    text = longDate.format(date);
    if (formattedDays.size >= 5_000) formattedDays.clear();
    formattedDays.set(day, text);
  }
  return text;
}
const formattedDays = new Map<string, string>();

/** "1 April 2024 at 5:30pm", the GOV.UK style (no space before am or pm). */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  const time = date.getTime();
  if (Number.isNaN(time)) return String(value);
  if (time < WHOLE_HOURS_FROM) return intlDateTime(date);
  // Formatted once an hour, the minutes put in after: since 1848 London has been whole hours from UTC
  // (its clocks change on the hour), so a minute past the hour in UTC is the same minute past it there.
  const hour = Math.floor(time / HOUR);
  let parts = formattedHours.get(hour);
  if (parts === undefined) {
    const text = intlDateTime(new Date(hour * HOUR));
    const colon = text.lastIndexOf(':');
    parts = [text.slice(0, colon + 1), text.slice(colon + 3)];
    if (formattedHours.size >= 5_000) formattedHours.clear();
    formattedHours.set(hour, parts);
  }
  const minute = Math.floor((time - hour * HOUR) / MINUTE);
  return `${parts[0]}${minute < 10 ? '0' : ''}${minute}${parts[1]}`;
}
/** Intl's London date and time, without the space it puts before am or pm. */
const intlDateTime = (date: Date) => longDateTime.format(date).replace(/\s([ap]m)$/, '$1');
/** London kept its own mean time (UTC-0:01:15) until Greenwich time on 1 December 1847. */
const WHOLE_HOURS_FROM = Date.UTC(1848, 0, 1);
const HOUR = 3_600_000;
const MINUTE = 60_000;
const formattedHours = new Map<number, [string, string]>();

/** The GOV.UK macros' errorMessage option for one field, or false when the field is fine. */
function fieldError(errors: { field: string; message: string }[] | undefined, field: string) {
  const found = errors?.find((e) => e.field === field);
  return found ? { text: found.message } : false;
}

/** The day, month and year boxes of a GOV.UK date input, filled from a value and marked when in error. */
function dateInputItems(value: unknown, error: unknown) {
  const parts = dateParts(value);
  const marked = error ? ' govuk-input--error' : '';
  return [
    { name: 'day', classes: `govuk-input--width-2${marked}`, value: parts.day },
    { name: 'month', classes: `govuk-input--width-2${marked}`, value: parts.month },
    { name: 'year', classes: `govuk-input--width-4${marked}`, value: parts.year },
  ];
}
