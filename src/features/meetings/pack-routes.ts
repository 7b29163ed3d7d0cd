import type { FastifyInstance } from 'fastify';
import { toDocx } from '../../platform/documents/docx.ts';
import { toPdf } from '../../platform/documents/pdf.ts';
import { contextOf, idParam } from '../../platform/http/context.ts';
import type { MeetingService } from './service.ts';

const TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** A meeting's pack as PDF and as an editable Word file, made from the same document model. */
export function registerPackRoutes(app: FastifyInstance, { meetings }: { meetings: MeetingService }) {
  for (const format of ['pdf', 'docx'] as const) {
    app.get(
      `/meetings/:id/pack.${format}`,
      { config: { access: 'meetings:read' } },
      async (request, reply) => {
        const ctx = contextOf(request);
        const id = idParam(request, 'id', 'Meeting');
        const doc = await meetings.meetings.pack(ctx, id);
        const body = format === 'pdf' ? await toPdf(doc) : await toDocx(doc);
        const meeting = await meetings.meetings.get(ctx, id);
        const name = `${meeting.groupName} ${meeting.date} pack`
          .replace(/[^\w -]+/g, '')
          .replace(/\s+/g, '-');
        return reply
          .header('content-type', TYPES[format])
          .header('content-disposition', `attachment; filename="${name}.${format}"`)
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
  }
}
