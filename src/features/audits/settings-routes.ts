import type { FastifyInstance } from 'fastify';
import { contextOf } from '../../platform/http/context.ts';
import { formInput, submitForm } from '../../platform/http/forms.ts';
import type { AuditDeps } from './programme-routes.ts';
import { DEFAULT_FOLLOW_UP_MONTHS, MAX_FOLLOW_UP_MONTHS, MIN_FOLLOW_UP_MONTHS } from './rules.ts';
import { settingsInput } from './schemas.ts';

const VIEW = 'audits/views/settings.njk';
const bounds = {
  defaultMonths: DEFAULT_FOLLOW_UP_MONTHS,
  minMonths: MIN_FOLLOW_UP_MONTHS,
  maxMonths: MAX_FOLLOW_UP_MONTHS,
};

/** The audit programme's setting: how long after a workshop its follow-up learning session is held. */
export function registerAuditSettingsPages(app: FastifyInstance, { page, audits }: AuditDeps) {
  app.get('/audits/settings', { config: { access: 'audits:manage' } }, async (request, reply) => {
    const settings = await audits.programme.settings(contextOf(request));
    const moved = (request.query as Record<string, unknown>).recomputed;
    return page(request, reply, VIEW, {
      title: 'Audit programme settings',
      settings,
      values: { followUpMonths: settings.followUpMonths },
      flash:
        typeof moved === 'string' && /^\d+$/.test(moved)
          ? `Setting saved: the follow-up dates of ${moved} audit${moved === '1' ? '' : 's'} were recalculated`
          : undefined,
      ...bounds,
    });
  });

  app.post('/audits/settings', { config: { access: 'audits:manage' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const input = formInput(request.body);
    const saved = await submitForm(input, settingsInput, (value) =>
      audits.programme.saveSettings(ctx, value),
    );
    if (!saved.ok) {
      const settings = await audits.programme.settings(ctx);
      return page(
        request,
        reply,
        VIEW,
        { title: 'Audit programme settings', settings, values: input, errors: saved.errors, ...bounds },
        400,
      );
    }
    return reply.redirect(`/audits/settings?recomputed=${saved.result.recomputed}`, 303);
  });
}
