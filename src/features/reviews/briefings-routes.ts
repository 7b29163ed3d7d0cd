import type { FastifyInstance, FastifyRequest } from 'fastify';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { pageQuery } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { ReviewDeps } from './cases-routes.ts';

/**
 * Published learning — the 7-minute briefings — for everyone signed in and, under the partnership's
 * short name, for the public. Not case material: nothing here is audited as a view of a case.
 */
export function registerBriefingPages(app: FastifyInstance, { page, partnership, reviews }: ReviewDeps) {
  /** The partnership: named in a public address, or the signed-in user's. */
  const face = async (request: FastifyRequest) => {
    const { slug } = request.params as { slug?: unknown };
    if (slug === undefined)
      return partnership.partnerships.publicFace({ id: contextOf(request).partnershipId });
    if (typeof slug !== 'string' || !/^[a-z0-9-]{1,60}$/.test(slug)) throw notFound('Partnership');
    return partnership.partnerships.publicFace({ slug });
  };

  const list = async (request: FastifyRequest, base: (slug: string) => string) => {
    const partnershipFace = await face(request);
    const query = parseOrThrow(pageQuery, request.query);
    const result = await reviews.practice.publishedBriefings(partnershipFace.id, query);
    return { partnershipFace, result, base: base(partnershipFace.slug) };
  };

  // The same pages twice: signed in, for the user's partnership; and public, under its short name.
  const audiences = [
    {
      path: '/briefings',
      access: 'learning:read',
      base: () => '/briefings',
      title: () => 'Learning from reviews',
    },
    {
      path: '/p/:slug/briefings',
      access: 'public',
      base: (slug: string) => `/p/${slug}/briefings`,
      title: (name: string) => `Learning from reviews: ${name}`,
    },
  ] as const;
  for (const audience of audiences) {
    app.get(audience.path, { config: { access: audience.access } }, async (request, reply) => {
      const found = await list(request, audience.base);
      return page(request, reply, 'reviews/views/briefings-list.njk', {
        title: audience.title(found.partnershipFace.name),
        ...found,
      });
    });

    app.get(`${audience.path}/:id`, { config: { access: audience.access } }, async (request, reply) => {
      const partnershipFace = await face(request);
      const briefing = await reviews.practice.publishedBriefing(
        partnershipFace.id,
        idParam(request, 'id', 'Briefing'),
      );
      return page(request, reply, 'reviews/views/briefing.njk', {
        title: briefing.title,
        briefing,
        partnershipFace,
        back: audience.base(partnershipFace.slug),
      });
    });
  }
}
