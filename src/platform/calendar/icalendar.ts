import { createEvents, type EventAttributes } from 'ics';

export type CalendarEvent = {
  /** Stable across downloads, so a calendar updates the event rather than adding a copy. */
  uid: string;
  title: string;
  start: Date;
  end: Date;
  location?: string;
  url?: string;
  description?: string;
  cancelled?: boolean;
};

/** An iCalendar (RFC 5545) document of the events, with times in UTC, made by the `ics` library. */
export function icalendar(events: readonly CalendarEvent[], name: string): string {
  const attributes: EventAttributes[] = events.map((e) => ({
    uid: e.uid,
    title: e.title,
    start: e.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: e.end.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    ...(e.location ? { location: e.location } : {}),
    ...(e.url ? { url: e.url } : {}),
    ...(e.description ? { description: e.description } : {}),
    status: e.cancelled ? 'CANCELLED' : 'CONFIRMED',
    productId: 'safeguarding-partnership-hub',
  }));
  const { error, value } = createEvents(attributes, {
    calName: name,
    productId: 'safeguarding-partnership-hub',
  });
  if (error || !value) throw error ?? new Error('The calendar could not be made');
  return value;
}
