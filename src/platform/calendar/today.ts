// Made once: an Intl.DateTimeFormat costs far more to build than to use.
const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** Today's date in England ('YYYY-MM-DD'), whatever the server's time zone. */
export const todayInLondon = (now = new Date()): string => londonDay.format(now);
