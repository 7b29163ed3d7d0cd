import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.ts';
import { contextOf } from '../http/context.ts';
import { decodeCursor, pageQuery, toPage } from '../http/pagination.ts';
import { parseOrThrow } from '../http/validation.ts';
import type { PageRenderer } from '../views/page.ts';
import { listEmails } from './emails.ts';

const STATUS_LABELS = {
  queued: 'Waiting to send',
  held: 'Held for a daily digest',
  sent: 'Sent',
  logged: 'Not sent: no SMTP server (written to the log)',
  'in-digest': 'Sent in a daily digest',
  failed: 'Failed',
};

/** The business unit's view of every message the service sent, or would have sent without SMTP. */
export function registerNotifyRoutes(
  app: FastifyInstance,
  { db, page }: { db: Database; page: PageRenderer },
) {
  app.get('/emails', { config: { access: 'emails:read' } }, async (request, reply) => {
    const query = parseOrThrow(pageQuery, request.query);
    const rows = await listEmails(db, contextOf(request).partnershipId, {
      after: query.after ? decodeCursor(query.after) : null,
      limit: query.limit,
    });
    const result = toPage(rows, query.limit, (e) => ({ key: e.createdAt.toISOString(), id: e.id }));
    return page(request, reply, 'notify/views/emails.njk', {
      title: 'E-mails',
      result,
      statusLabels: STATUS_LABELS,
    });
  });
}
