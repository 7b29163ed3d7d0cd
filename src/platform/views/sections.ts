import type { FastifyRequest } from 'fastify';

/**
 * A part of one feature's page that another feature draws: the group page shows the group's meetings
 * and actions, though the partnership feature knows nothing of meetings. app.ts hands the page its
 * sections; the page includes each section's template, which reads `section.data`. So neither
 * feature imports the other, and the section's template stays with the feature that owns its data.
 */
export type PageSection<Subject> = {
  /** Whether the signed-in user may see this section at all. */
  visible(request: FastifyRequest): boolean;
  load(request: FastifyRequest, subject: Subject): Promise<{ template: string; data: unknown }>;
};

/** The sections the user may see, loaded in parallel, in order. */
export function loadSections<Subject>(
  sections: readonly PageSection<Subject>[],
  request: FastifyRequest,
  subject: Subject,
) {
  return Promise.all(sections.filter((s) => s.visible(request)).map((s) => s.load(request, subject)));
}
