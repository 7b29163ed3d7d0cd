import type { FastifyInstance, FastifyRequest } from 'fastify';
import { shortQuarterLabel } from '../../platform/calendar/quarters.ts';
import { contextOf } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { DataDeps } from './deps.ts';
import { labels } from './labels.ts';

/**
 * The published, anonymised view of the dashboard: published indicators only, small numbers
 * suppressed. Signed in, for the partners to check before it goes out; and public, under the
 * partnership's short name.
 */
export function registerPublishedPages(app: FastifyInstance, { page, partnership, data }: DataDeps) {
  const face = async (request: FastifyRequest) => {
    const { slug } = request.params as { slug?: unknown };
    if (slug === undefined)
      return partnership.partnerships.publicFace({ id: contextOf(request).partnershipId });
    if (typeof slug !== 'string' || !/^[a-z0-9-]{1,60}$/.test(slug)) throw notFound('Partnership');
    return partnership.partnerships.publicFace({ slug });
  };

  const audiences = [
    { path: '/data/published', access: 'data:read', signedIn: true },
    { path: '/p/:slug/data', access: 'public', signedIn: false },
  ] as const;
  for (const audience of audiences) {
    app.get(audience.path, { config: { access: audience.access } }, async (request, reply) => {
      const partnershipFace = await face(request);
      const view = await data.dashboard.published(partnershipFace.id);
      const ids = new Set(view.rows.map((row) => row.id));
      const parts = new Map<string, typeof view.rows>();
      for (const row of view.rows)
        if (row.partOfId) parts.set(row.partOfId, [...(parts.get(row.partOfId) ?? []), row]);
      return page(request, reply, 'data/views/published.njk', {
        title: `Figures for ${shortQuarterLabel(view.quarter)}: ${partnershipFace.name}`,
        partnershipFace,
        quarterLabel: shortQuarterLabel(view.quarter),
        suppressUpTo: view.suppressUpTo,
        rows: view.rows.filter((r) => !r.partOfId || !ids.has(r.partOfId)),
        parts: Object.fromEntries(parts),
        signedIn: audience.signedIn,
        ...labels,
      });
    });
  }
}
