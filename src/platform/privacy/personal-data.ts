/**
 * A check of free text for what looks like a child's date of birth or address. The product stores
 * pseudonyms and age bands only; features hold matching text back until the user removes it or
 * confirms it is not personal data (a date in a chronology is often fine; a postcode rarely is).
 */

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

const PATTERNS: { kind: 'date of birth' | 'postcode'; pattern: RegExp }[] = [
  { kind: 'date of birth', pattern: /\b(?:d\.?o\.?b\.?|date of birth|born on)\b/i },
  { kind: 'date of birth', pattern: /\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b/ },
  {
    kind: 'date of birth',
    pattern: new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\s+\\d{4}\\b`, 'i'),
  },
  { kind: 'date of birth', pattern: /\b(?:19|20)\d{2}-\d{2}-\d{2}\b/ },
  // The shape of a full UK postcode: outward code, space optional, inward code (e.g. E1 6AN).
  { kind: 'postcode', pattern: /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b/i },
];

export type PersonalDataWarning = { kind: 'date of birth' | 'postcode'; found: string };

/** What in the text looks like a date of birth or a postcode: at most one finding of each kind. */
export function personalDataWarnings(text: string): PersonalDataWarning[] {
  const found: PersonalDataWarning[] = [];
  for (const { kind, pattern } of PATTERNS) {
    if (found.some((f) => f.kind === kind)) continue;
    const match = pattern.exec(text);
    if (match) found.push({ kind, found: match[0] });
  }
  return found;
}

/** The message for a field whose text looks like personal data. */
export function personalDataMessage(label: string, warnings: PersonalDataWarning[]): string {
  const what = warnings.map((w) => `a ${w.kind} (“${w.found}”)`).join(' and ');
  return `${label} seems to contain ${what}. Remove it, or confirm it is not a child’s personal data`;
}
