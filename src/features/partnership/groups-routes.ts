import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../platform/access/roles.ts';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { formInput, submitForm } from '../../platform/http/forms.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { PageContext, PageRenderer } from '../../platform/views/page.ts';
import { loadSections, type PageSection } from '../../platform/views/sections.ts';
import { CADENCE_LABELS, CADENCES, GROUP_TYPE_LABELS, GROUP_TYPES, quorumDescription } from './rules.ts';
import { groupInput, groupPatch, listQuery, memberInput } from './schemas.ts';
import type { PartnershipService } from './service.ts';

const groupOut = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(GROUP_TYPES),
  termsOfReference: z.string(),
  cadence: z.enum(CADENCES),
  chairPersonId: z.uuid().nullable(),
  chairName: z.string().nullable(),
  sponsorPersonId: z.uuid().nullable(),
  sponsorName: z.string().nullable(),
  reportsToGroupId: z.uuid().nullable(),
  reportsToName: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  quorum: z.number().nullable(),
  quorumNeedsStatutory: z.boolean(),
  memberCount: z.number(),
});
const memberOut = z.object({
  personId: z.uuid(),
  name: z.string(),
  jobTitle: z.string(),
  agencyName: z.string(),
});
const blankToUndefined = z.literal('').transform(() => undefined);
const groupsQuery = pageQuery.extend(listQuery.shape).extend({
  type: z
    .union([blankToUndefined, z.enum(GROUP_TYPES, { error: 'type must be one of the group types' })])
    .optional(),
  status: z
    .union([
      blankToUndefined,
      z.enum(['current', 'ended', 'not-started'], { error: 'status must be current, ended or not-started' }),
    ])
    .optional(),
  reportsTo: z
    .union([blankToUndefined, z.uuid({ error: 'reportsTo must be the id of a group' })])
    .optional()
    .describe('Only the groups that report to this group'),
});
const idParams = z.object({ id: z.uuid() });
/** The group page's "find a person to add" box; other query keys (flash markers) pass through. */
const findQuery = z.looseObject({
  find: z.string().trim().max(100, 'Enter 100 characters or fewer').optional(),
});
/** Which page of the members the group page shows. */
const membersQuery = pageQuery.pick({ after: true });
const memberParams = z.object({ id: z.uuid(), personId: z.uuid() });
const FORM = 'partnership/views/group-form.njk';
const DATE_FIELDS = ['startsOn', 'endsOn'];

const labels = {
  types: GROUP_TYPES.map((t) => ({ value: t, text: GROUP_TYPE_LABELS[t] })),
  cadences: CADENCES.map((c) => ({ value: c, text: CADENCE_LABELS[c] })),
  typeLabels: GROUP_TYPE_LABELS,
  cadenceLabels: CADENCE_LABELS,
};

/** What other features' sections on a group's page are given. */
export type GroupSubject = { id: string; name: string; type: string };

export function registerGroupRoutes(
  app: FastifyInstance,
  {
    page,
    partnership,
    groupSections = [],
  }: { page: PageRenderer; partnership: PartnershipService; groupSections?: PageSection<GroupSubject>[] },
) {
  const groups = partnership.groups;

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    context: PageContext,
    status = 200,
  ) {
    const ctx = contextOf(request);
    const [people, outline] = await Promise.all([partnership.people.choices(ctx), groups.outline(ctx)]);
    // A group can't report to itself.
    const editing = (context.group as { id: string } | undefined)?.id;
    const groupChoices = outline.filter((g) => g.id !== editing);
    const full = { ...context, people, groupChoices, dateFields: DATE_FIELDS, ...labels };
    return page(request, reply, FORM, full, status);
  }

  app.get('/groups', { config: { access: 'structure:read' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const query = parseOrThrow(groupsQuery, request.query);
    const [result, reportsTo] = await Promise.all([
      groups.rows(ctx, query),
      query.reportsTo ? groups.get(ctx, query.reportsTo) : null,
    ]);
    const filterQuery = new URLSearchParams({
      ...(query.type ? { type: query.type } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.q ? { q: query.q } : {}),
      ...(query.reportsTo ? { reportsTo: query.reportsTo } : {}),
    }).toString();
    return page(request, reply, 'partnership/views/groups-list.njk', {
      title: reportsTo ? `Groups that report to ${reportsTo.name}` : 'Groups',
      result,
      query,
      reportsTo,
      filterQuery,
      ...labels,
    });
  });

  app.get('/groups/new', { config: { access: 'structure:write' } }, (request, reply) =>
    renderForm(request, reply, { title: 'Add a group', values: { cadence: 'six-weekly' } }),
  );

  app.post('/groups', { config: { access: 'structure:write' } }, async (request, reply) => {
    const input = formInput(request.body, DATE_FIELDS);
    const saved = await submitForm(input, groupInput, (value) => groups.create(contextOf(request), value));
    if (!saved.ok)
      return renderForm(request, reply, { title: 'Add a group', values: input, errors: saved.errors }, 400);
    return reply.redirect(`/groups/${saved.result.id}?saved=1`, 303);
  });

  async function renderGroup(
    request: FastifyRequest,
    reply: FastifyReply,
    groupId: string,
    extra: { flash?: string; errors?: { field: string; message: string }[] },
    status = 200,
  ) {
    const ctx = contextOf(request);
    const group = await groups.get(ctx, groupId);
    const found = findQuery.safeParse(request.query);
    const find = found.success ? found.data.find : undefined;
    const errors =
      extra.errors ?? (found.success ? [] : [{ field: 'find', message: 'Enter 100 characters or fewer' }]);
    const canEdit = can(ctx.user.role, 'structure:write');
    const { after } = parseOrThrow(membersQuery, { after: (request.query as { after?: unknown }).after });
    const [members, candidates, sections] = await Promise.all([
      groups.membersPage(ctx, group.id, after),
      canEdit && find ? groups.candidates(ctx, group.id, find) : null,
      loadSections(groupSections, request, group),
    ]);
    return page(
      request,
      reply,
      'partnership/views/group.njk',
      {
        title: group.name,
        group,
        quorumText: quorumDescription(group),
        members,
        find,
        candidates,
        sections,
        ...extra,
        errors,
        ...labels,
      },
      errors.length > 0 ? 400 : status,
    );
  }

  app.get('/groups/:id', { config: { access: 'structure:read' } }, async (request, reply) => {
    const flashes: Record<string, string> = {
      saved: 'Group saved',
      added: 'Member added',
      removed: 'Member removed',
    };
    const flashKey = Object.keys(flashes).find((k) => (request.query as Record<string, unknown>)[k]);
    return renderGroup(request, reply, idParam(request, 'id', 'Group'), {
      flash: flashKey ? flashes[flashKey] : undefined,
    });
  });

  app.get('/groups/:id/edit', { config: { access: 'structure:write' } }, async (request, reply) => {
    const group = await groups.get(contextOf(request), idParam(request, 'id', 'Group'));
    return renderForm(request, reply, { title: `Change ${group.name}`, group, values: group });
  });

  app.post('/groups/:id', { config: { access: 'structure:write' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const group = await groups.get(ctx, idParam(request, 'id', 'Group'));
    const input = formInput(request.body, DATE_FIELDS);
    const saved = await submitForm(input, groupInput, (value) => groups.update(ctx, group.id, value));
    if (!saved.ok) {
      return renderForm(
        request,
        reply,
        { title: `Change ${group.name}`, group, values: input, errors: saved.errors },
        400,
      );
    }
    return reply.redirect(`/groups/${group.id}?saved=1`, 303);
  });

  app.post('/groups/:id/members', { config: { access: 'structure:write' } }, async (request, reply) => {
    const groupId = idParam(request, 'id', 'Group');
    const saved = await submitForm(formInput(request.body), memberInput, (value) =>
      groups.addMember(contextOf(request), groupId, value.personId),
    );
    // The person was chosen from the "find a person" results, so that box is where the error shows.
    const errors = saved.ok ? [] : saved.errors.map((e) => ({ ...e, field: 'find' }));
    if (!saved.ok) return renderGroup(request, reply, groupId, { errors }, 400);
    return reply.redirect(`/groups/${groupId}?added=1#members`, 303);
  });

  // Removing asks first, on a page of its own: a link a row, not a form a row, keeps the group page light.
  app.get(
    '/groups/:id/members/:personId/remove',
    { config: { access: 'structure:write' } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const group = await groups.get(ctx, idParam(request, 'id', 'Group'));
      const member = await groups.member(ctx, group.id, idParam(request, 'personId', 'Member'));
      return page(request, reply, 'partnership/views/member-remove.njk', {
        title: `Remove ${member.name} from ${group.name}?`,
        group,
        member,
      });
    },
  );

  app.post(
    '/groups/:id/members/:personId/remove',
    { config: { access: 'structure:write' } },
    async (request, reply) => {
      const groupId = idParam(request, 'id', 'Group');
      await groups.removeMember(contextOf(request), groupId, idParam(request, 'personId', 'Member'));
      return reply.redirect(`/groups/${groupId}?removed=1#members`, 303);
    },
  );

  // API
  app.get(
    '/api/v1/groups',
    {
      config: {
        access: 'structure:read',
        api: { summary: 'List groups', tag: 'Structure', query: groupsQuery, response: pageOf(groupOut) },
      },
    },
    async (request) => groups.list(contextOf(request), parseOrThrow(groupsQuery, request.query)),
  );

  app.post(
    '/api/v1/groups',
    {
      config: {
        access: 'structure:write',
        api: {
          summary: 'Add a group',
          tag: 'Structure',
          body: groupInput,
          response: groupOut,
          successStatus: 201,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await groups.create(contextOf(request), parseOrThrow(groupInput, request.body))),
  );

  app.get(
    '/api/v1/groups/:id',
    {
      config: {
        access: 'structure:read',
        api: { summary: 'One group', tag: 'Structure', params: idParams, response: groupOut },
      },
    },
    async (request) => groups.get(contextOf(request), idParam(request, 'id', 'Group')),
  );

  app.patch(
    '/api/v1/groups/:id',
    {
      config: {
        access: 'structure:write',
        api: {
          summary: 'Change a group',
          tag: 'Structure',
          params: idParams,
          body: groupPatch,
          response: groupOut,
        },
      },
    },
    async (request) =>
      groups.update(
        contextOf(request),
        idParam(request, 'id', 'Group'),
        parseOrThrow(groupPatch, request.body),
      ),
  );

  app.get(
    '/api/v1/groups/:id/members',
    {
      config: {
        access: 'structure:read',
        api: {
          summary: 'A group’s members',
          tag: 'Structure',
          params: idParams,
          response: z.object({ items: z.array(memberOut) }),
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const group = await groups.get(ctx, idParam(request, 'id', 'Group'));
      return { items: await groups.members(ctx, group.id) };
    },
  );

  app.post(
    '/api/v1/groups/:id/members',
    {
      config: {
        access: 'structure:write',
        api: {
          summary: 'Add a member to a group',
          tag: 'Structure',
          params: idParams,
          body: memberInput,
          successStatus: 204,
        },
      },
    },
    async (request, reply) => {
      await groups.addMember(
        contextOf(request),
        idParam(request, 'id', 'Group'),
        parseOrThrow(memberInput, request.body).personId,
      );
      return reply.status(204).send();
    },
  );

  app.delete(
    '/api/v1/groups/:id/members/:personId',
    {
      config: {
        access: 'structure:write',
        api: {
          summary: 'Remove a member from a group',
          tag: 'Structure',
          params: memberParams,
          successStatus: 204,
        },
      },
    },
    async (request, reply) => {
      await groups.removeMember(
        contextOf(request),
        idParam(request, 'id', 'Group'),
        idParam(request, 'personId', 'Member'),
      );
      return reply.status(204).send();
    },
  );
}
