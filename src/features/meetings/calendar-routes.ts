import type { FastifyInstance, FastifyReply } from 'fastify';
import { icalendar } from '../../platform/calendar/icalendar.ts';
import { contextOf, idParam } from '../../platform/http/context.ts';
import type { PartnershipService } from '../partnership/service.ts';
import type { Meeting } from './meetings-repo.ts';
import type { MeetingService } from './service.ts';

type Deps = { partnership: PartnershipService; meetings: MeetingService };

const eventOf = (m: Meeting, siteUrl: string) => ({
  uid: `meeting-${m.id}@safeguarding-partnership-hub`,
  title: `${m.groupName} meeting`,
  start: m.startsAt,
  end: m.endsAt,
  location: [m.place, m.videoUrl].filter(Boolean).join(' · '),
  url: `${siteUrl}/meetings/${m.id}`,
  cancelled: m.status === 'cancelled',
});

function sendCalendar(reply: FastifyReply, body: string, filename: string) {
  return reply
    .header('content-type', 'text/calendar; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

/** Meetings as iCalendar: one meeting's file, and a feed of a group's meetings. */
export function registerCalendarRoutes(app: FastifyInstance, { partnership, meetings }: Deps) {
  app.get('/meetings/:id/calendar.ics', { config: { access: 'meetings:read' } }, async (request, reply) => {
    const meeting = await meetings.meetings.get(contextOf(request), idParam(request, 'id', 'Meeting'));
    const site = `${request.protocol}://${request.host}`;
    return sendCalendar(
      reply,
      icalendar([eventOf(meeting, site)], meeting.groupName),
      `meeting-${meeting.date}.ics`,
    );
  });

  app.get('/groups/:id/meetings.ics', { config: { access: 'meetings:read' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const group = await partnership.groups.get(ctx, idParam(request, 'id', 'Group'));
    // The coming year's meetings and the last few: what a calendar needs, never the whole history.
    const [coming, past] = await Promise.all([
      meetings.meetings.list(ctx, { groupId: group.id, when: 'coming', limit: 100 }),
      meetings.meetings.list(ctx, { groupId: group.id, when: 'past', limit: 20 }),
    ]);
    const site = `${request.protocol}://${request.host}`;
    const events = [...past.items.reverse(), ...coming.items].map((m) => eventOf(m, site));
    return sendCalendar(reply, icalendar(events, group.name), 'meetings.ics');
  });
}
