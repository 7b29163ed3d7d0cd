import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { contextOf } from '../../platform/http/context.ts';
import { formInput, submitForm } from '../../platform/http/forms.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { ReviewDeps } from './cases-routes.ts';
import { LOCAL_SETTINGS, STATUTORY_CLOCKS } from './clock-settings.ts';
import { settingsInput } from './schemas.ts';

const settingsOut = z.object(
  Object.fromEntries(LOCAL_SETTINGS.map((s) => [s.key, z.number().describe(`${s.label}, in ${s.unit}`)])),
);

/** The clock settings: a page for the business unit, and the API. */
export function registerSettingsRoutes(app: FastifyInstance, { page, reviews }: ReviewDeps) {
  const service = reviews.settings;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: {
      values?: Record<string, unknown>;
      errors?: { field: string; message: string }[];
      flash?: string;
    },
    status = 200,
  ) {
    const current = await service.get(contextOf(request));
    return page(
      request,
      reply,
      'reviews/views/settings.njk',
      {
        title: 'Clock settings',
        settings: LOCAL_SETTINGS,
        statutory: STATUTORY_CLOCKS,
        defaults: current.defaults,
        values: current.effective,
        ...extra,
      },
      status,
    );
  }

  app.get('/cases/settings', { config: { access: 'cases:write' } }, (request, reply) => {
    const saved = (request.query as Record<string, unknown>).saved;
    return render(request, reply, {
      flash: saved ? 'Settings saved; every case’s clocks were worked out again' : undefined,
    });
  });

  app.post('/cases/settings', { config: { access: 'cases:write' } }, async (request, reply) => {
    const input = formInput(request.body);
    const saved = await submitForm(input, settingsInput, (value) =>
      service.update(contextOf(request), value),
    );
    if (!saved.ok) return render(request, reply, { values: input, errors: saved.errors }, 400);
    return reply.redirect('/cases/settings?saved=1', 303);
  });

  app.get(
    '/api/v1/review-settings',
    {
      config: {
        access: 'cases:read',
        api: { summary: 'The partnership’s clock settings', tag: 'Case reviews', response: settingsOut },
      },
    },
    async (request) => {
      const { effective } = await service.get(contextOf(request));
      return Object.fromEntries(LOCAL_SETTINGS.map((s) => [s.key, effective[s.key]]));
    },
  );

  app.put(
    '/api/v1/review-settings',
    {
      config: {
        access: 'cases:write',
        api: {
          summary: 'Change the clock settings; every case’s clocks are worked out again',
          tag: 'Case reviews',
          body: settingsInput,
          response: settingsOut,
        },
      },
    },
    async (request) => {
      const { settings } = await service.update(
        contextOf(request),
        parseOrThrow(settingsInput, request.body),
      );
      return Object.fromEntries(LOCAL_SETTINGS.map((s) => [s.key, settings[s.key]]));
    },
  );
}
