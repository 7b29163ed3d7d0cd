import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { formInput, submitForm } from '../../platform/http/forms.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { PageRenderer } from '../../platform/views/page.ts';
import { AGENCY_KIND_LABELS, CADENCE_LABELS, GROUP_TYPE_LABELS, STATUTORY_KINDS } from './rules.ts';
import { boardLinkInput, rotaInput } from './schemas.ts';
import type { PartnershipService } from './service.ts';

type Errors = { field: string; message: string }[];
const idParams = z.object({ id: z.uuid() });
const ROTA_DATES = ['startsOn', 'endsOn'];
const created = z.object({ id: z.uuid() });
const boardOut = z.object({
  id: z.uuid(),
  name: z.string(),
  relationship: z.string(),
  jointPriorities: z.string(),
});

export function registerStructureRoutes(
  app: FastifyInstance,
  { page, partnership }: { page: PageRenderer; partnership: PartnershipService },
) {
  const structure = partnership.structure;

  app.get('/structure', { config: { access: 'structure:read' } }, async (request, reply) => {
    const overview = await structure.overview(contextOf(request));
    return page(request, reply, 'partnership/views/structure.njk', {
      title: 'Partnership structure',
      ...overview,
      typeLabels: GROUP_TYPE_LABELS,
      cadenceLabels: CADENCE_LABELS,
      kindLabels: AGENCY_KIND_LABELS,
    });
  });

  // The executive chair rota
  async function renderRotaForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors: Errors = [],
    status = 200,
  ) {
    const ctx = contextOf(request);
    const [choices, rota] = await Promise.all([partnership.partners.choices(ctx), structure.rota(ctx)]);
    return page(
      request,
      reply,
      'partnership/views/rota-form.njk',
      {
        title: 'Add a turn as executive chair',
        values,
        errors,
        rota,
        statutory: choices.filter((c) => STATUTORY_KINDS.includes(c.kind)),
        dateFields: ROTA_DATES,
      },
      status,
    );
  }

  app.get('/structure/chair-rota/new', { config: { access: 'structure:write' } }, (request, reply) =>
    renderRotaForm(request, reply, {}),
  );

  app.post('/structure/chair-rota', { config: { access: 'structure:write' } }, async (request, reply) => {
    const input = formInput(request.body, ROTA_DATES);
    const saved = await submitForm(input, rotaInput, (value) =>
      structure.addRotaTurn(contextOf(request), value),
    );
    if (!saved.ok) return renderRotaForm(request, reply, input, saved.errors, 400);
    return reply.redirect('/structure?saved=rota#chair-rota', 303);
  });

  app.post(
    '/structure/chair-rota/:id/remove',
    { config: { access: 'structure:write' } },
    async (request, reply) => {
      await structure.removeRotaTurn(contextOf(request), idParam(request, 'id', 'Turn as chair'));
      return reply.redirect('/structure#chair-rota', 303);
    },
  );

  // Links to other boards
  const boardForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    context: Record<string, unknown>,
    status = 200,
  ) =>
    page(
      request,
      reply,
      'partnership/views/board-form.njk',
      { title: 'Link to another board', ...context } as never,
      status,
    );

  app.get('/structure/boards/new', { config: { access: 'structure:write' } }, (request, reply) =>
    boardForm(request, reply, { values: {} }),
  );

  app.post('/structure/boards', { config: { access: 'structure:write' } }, async (request, reply) => {
    const input = formInput(request.body);
    const saved = await submitForm(input, boardLinkInput, (value) =>
      structure.createBoardLink(contextOf(request), value),
    );
    if (!saved.ok) return boardForm(request, reply, { values: input, errors: saved.errors }, 400);
    return reply.redirect('/structure#boards', 303);
  });

  app.get('/structure/boards/:id/edit', { config: { access: 'structure:write' } }, async (request, reply) => {
    const board = await structure.boardLink(contextOf(request), idParam(request, 'id', 'Board'));
    return boardForm(request, reply, { title: `Change the link to ${board.name}`, board, values: board });
  });

  app.post('/structure/boards/:id', { config: { access: 'structure:write' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const board = await structure.boardLink(ctx, idParam(request, 'id', 'Board'));
    const input = formInput(request.body);
    const saved = await submitForm(input, boardLinkInput, (value) =>
      structure.updateBoardLink(ctx, board.id, value),
    );
    if (!saved.ok) {
      const title = `Change the link to ${board.name}`;
      return boardForm(request, reply, { title, board, values: input, errors: saved.errors }, 400);
    }
    return reply.redirect('/structure#boards', 303);
  });

  // API
  app.get(
    '/api/v1/structure',
    {
      config: {
        access: 'structure:read',
        api: {
          summary:
            'The governance structure: current groups as a tree from the top down two levels (reportingGroups counts those below; GET /api/v1/groups?reportsTo= lists them), currentGroupCount, endedGroupCount and notStartedGroupCount, chair rota, safeguarding partners, linked boards',
          tag: 'Structure',
        },
      },
    },
    async (request) => structure.overview(contextOf(request)),
  );

  app.post(
    '/api/v1/structure/chair-rota',
    {
      config: {
        access: 'structure:write',
        api: {
          summary: 'Add a turn as executive chair',
          tag: 'Structure',
          body: rotaInput,
          response: created,
          successStatus: 201,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ id: await structure.addRotaTurn(contextOf(request), parseOrThrow(rotaInput, request.body)) }),
  );

  app.delete(
    '/api/v1/structure/chair-rota/:id',
    {
      config: {
        access: 'structure:write',
        api: {
          summary: 'Remove a turn as executive chair',
          tag: 'Structure',
          params: idParams,
          successStatus: 204,
        },
      },
    },
    async (request, reply) => {
      await structure.removeRotaTurn(contextOf(request), idParam(request, 'id', 'Turn as chair'));
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/board-links',
    {
      config: {
        access: 'structure:read',
        api: {
          summary: 'Links to other boards',
          tag: 'Structure',
          response: z.object({ items: z.array(boardOut) }),
        },
      },
    },
    async (request) => ({ items: await structure.boardLinks(contextOf(request)) }),
  );

  app.post(
    '/api/v1/board-links',
    {
      config: {
        access: 'structure:write',
        api: {
          summary: 'Link to another board',
          tag: 'Structure',
          body: boardLinkInput,
          response: boardOut,
          successStatus: 201,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await structure.createBoardLink(contextOf(request), parseOrThrow(boardLinkInput, request.body)),
        ),
  );

  app.put(
    '/api/v1/board-links/:id',
    {
      config: {
        access: 'structure:write',
        api: {
          summary: 'Change a link to another board',
          tag: 'Structure',
          params: idParams,
          body: boardLinkInput,
          response: boardOut,
        },
      },
    },
    async (request) =>
      structure.updateBoardLink(
        contextOf(request),
        idParam(request, 'id', 'Board'),
        parseOrThrow(boardLinkInput, request.body),
      ),
  );
}
