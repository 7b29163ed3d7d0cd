import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRenderer, formatDate, formatDateTime } from './render.ts';

test('a date reads the GOV.UK way, the same however often it is asked for', () => {
  for (let i = 0; i < 3; i += 1) {
    assert.equal(formatDate('2024-04-01'), '1 April 2024');
    assert.equal(formatDate('2025-12-25T09:00:00Z'), '25 December 2025');
  }
  // A moment is read in London: half past midnight on 1 July in summer time is 23:30 UTC on 30 June.
  assert.equal(formatDate(new Date('2024-06-30T23:30:00Z')), '1 July 2024');
  assert.equal(formatDateTime(new Date('2024-06-30T23:30:00Z')), '1 July 2024 at 12:30am');
});

test('what is not a date is shown as it is, and nothing as nothing', () => {
  assert.equal(formatDate('not a date at all'), 'not a date at all');
  assert.equal(formatDate('not a date either'), 'not a date either');
  assert.equal(formatDate(null), '');
  assert.equal(formatDate(undefined), '');
  assert.equal(formatDate(''), '');
});

test('a moment reads as Intl formats it in London, minute by minute, across the clocks changing', () => {
  const intl = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
    timeZone: 'Europe/London',
  });
  const direct = (d: Date) => intl.format(d).replace(/\s([ap]m)$/, '$1');
  // Every minute either side of the spring and autumn changes of 2025, and 2,000 moments over 1960-2060.
  const moments = [Date.UTC(2025, 2, 30, 0, 0), Date.UTC(2025, 9, 26, 0, 0)].flatMap((start) =>
    Array.from({ length: 180 }, (_, i) => new Date(start + i * 60_000)),
  );
  let seed = 7;
  for (let i = 0; i < 2_000; i += 1) {
    seed = (seed * 48_271) % 2_147_483_647;
    moments.push(new Date(Date.UTC(1960, 0, 1) + (seed / 2_147_483_647) * 100 * 365.25 * 86_400_000));
  }
  for (const moment of moments) assert.equal(formatDateTime(moment), direct(moment), moment.toISOString());
  assert.equal(formatDateTime(new Date('2025-03-30T01:05:00Z')), '30 March 2025 at 2:05am');
  assert.equal(formatDateTime(new Date('2025-10-26T01:05:00Z')), '26 October 2025 at 1:05am');
  assert.equal(formatDateTime('2025-10-26T00:59:59Z'), '26 October 2025 at 1:59am');
  assert.equal(formatDateTime('not a moment'), 'not a moment');
  // Before Greenwich time London was 1 minute 15 seconds behind UTC.
  const early = new Date('1800-01-01T00:30:00Z');
  assert.equal(formatDateTime(early), direct(early));
});

test('the service’s pages are one byte a character: wide characters in text and template come as references', () => {
  const html = createRenderer().render('views/error.njk', {
    title: 'Children’s Services',
    status: 400,
    detail: 'The “Łódź” office is closed',
  });
  assert.match(html, /<title>Children&#8217;s Services &ndash; Safeguarding Partnership Hub<\/title>/);
  assert.match(html, /The &#8220;&#321;ód&#378;&#8221; office is closed/);
  assert.doesNotMatch(html, /[\u0100-\u{10FFFF}]/u);
});
