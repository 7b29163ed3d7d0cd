import type { FastifyInstance, FastifyRequest } from 'fastify';
import { shortQuarterLabel } from '../../platform/calendar/quarters.ts';
import { contextOf } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { DEFAULT_PAGE_SIZE, pageQuery } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
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
      const query = parseOrThrow(pageQuery, request.query);
      const view = await data.dashboard.publishedPage(partnershipFace.id, query);
      return page(request, reply, 'data/views/published.njk', {
        title: `Figures for ${shortQuarterLabel(view.quarter)}: ${partnershipFace.name}`,
        partnershipFace,
        quarterLabel: shortQuarterLabel(view.quarter),
        suppressUpTo: view.suppressUpTo,
        result: view.page,
        pageQuery: query.limit === DEFAULT_PAGE_SIZE ? '' : `limit=${query.limit}`,
        base: audience.signedIn ? '/data/published' : `/p/${partnershipFace.slug}/data`,
        signedIn: audience.signedIn,
        ...labels,
      });
    });
  }
}
