// Made once: an Intl.DateTimeFormat costs far more to build than to use.
const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A date ('YYYY-MM-DD') as people write it in England: 9 January 2025. */
export const dayText = (isoDate: string) => longDate.format(new Date(`${isoDate}T00:00:00Z`));
