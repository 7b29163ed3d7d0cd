/** Today's date in England ('YYYY-MM-DD'), whatever the server's time zone. */
export const todayInLondon = (now = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
