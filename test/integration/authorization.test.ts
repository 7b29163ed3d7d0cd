import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { ROLES, type Role } from '../../src/platform/access/roles.ts';
import { apiToken, Browser, bearer, type TestApp, testApp } from '../helpers/app.ts';

/**
 * Every route, and who may use it. Written out by hand, role by role, so that a change to the grant
 * table or a new route without an entry here fails this test.
 */
const PUBLIC = 'public' as const;
const ANY = [...ROLES];
const ADMIN: Role[] = ['admin'];
const AUDITORS: Role[] = ['admin', 'operator'];
const OPERATOR: Role[] = ['operator'];
const MEETING_READERS: Role[] = ['admin', 'executive', 'chair', 'member', 'data-lead', 'scrutineer'];
const MEETING_WRITERS: Role[] = ['admin', 'chair'];
const ACTION_UPDATERS: Role[] = ['admin', 'executive', 'chair', 'member', 'data-lead'];
const KEY_POINT_APPROVERS: Role[] = ['executive', 'chair'];
const ESCALATION_READERS: Role[] = ['admin', 'executive', 'chair', 'member', 'data-lead', 'scrutineer'];
const ESCALATION_RAISERS: Role[] = ['admin', 'executive', 'chair', 'member'];
const ESCALATION_RESPONDERS: Role[] = ['admin', 'executive'];
const RISK_READERS: Role[] = ['admin', 'executive', 'chair', 'member', 'data-lead', 'scrutineer'];
const RISK_WRITERS: Role[] = ['admin', 'executive', 'chair', 'member'];
// Case material: these roles may open case pages, and see only the cases they are on (need-to-know).
const CASE_READERS: Role[] = ['admin', 'executive', 'chair', 'member', 'data-lead', 'reviewer', 'scrutineer'];
const CASE_WRITERS: Role[] = ['admin'];
const CASE_DECIDERS: Role[] = ['admin', 'executive'];
const CASE_ASSIGNERS: Role[] = ['admin', 'executive'];
// The learning action plan: partners read it (members only their agency's actions, in the service);
// the executive and scrutiny oversee it all; the QA and Performance group's chairs and the business
// unit hold it.
const PLAN_READERS: Role[] = ['admin', 'executive', 'chair', 'member', 'data-lead', 'scrutineer'];
const PLAN_OVERSEERS: Role[] = ['admin', 'executive', 'chair', 'scrutineer'];
const PLAN_UPDATERS: Role[] = ['admin', 'executive', 'chair', 'member', 'data-lead'];
const PLAN_HOLDERS: Role[] = ['admin', 'chair'];
// The audit programme: partners read it and submit their own agency's single-agency audits; the
// QA and Performance group's chairs and the business unit plan, record and review audits.
const AUDIT_READERS: Role[] = ['admin', 'executive', 'chair', 'member', 'data-lead', 'scrutineer'];
const AUDIT_SUBMITTERS: Role[] = ['admin', 'executive', 'chair', 'member', 'data-lead'];
const AUDIT_MANAGERS: Role[] = ['admin', 'chair'];
// The data dashboard: shared among the partners and open to scrutiny (young scrutineers see only the
// public, published view); each agency's data lead submits its own agency's figures (the routes that
// name an agency are tried with the caller's own: another agency's is refused, tested below); the
// business unit runs the calls, the catalogue, the population, benchmarks and suppression.
const DATA_READERS: Role[] = ['admin', 'executive', 'chair', 'member', 'data-lead', 'scrutineer'];
const DATA_SUBMITTERS: Role[] = ['admin', 'data-lead'];
const DATA_MANAGERS: Role[] = ['admin'];

const EXPECTED: Record<string, typeof PUBLIC | Role[]> = {
  'GET /health': PUBLIC,
  'GET /': PUBLIC,
  'GET /sign-in': PUBLIC,
  'POST /sign-in': PUBLIC,
  'GET /signed-out': PUBLIC,
  'GET /invitations/:token': PUBLIC,
  'POST /invitations/:token': PUBLIC,
  'POST /api/v1/auth/token': PUBLIC,
  'GET /api/openapi.json': PUBLIC,
  'GET /api/docs': PUBLIC,
  'GET /sign-out': ANY,
  'GET /account': ANY,
  'POST /account/email': ANY,
  'GET /emails': ADMIN,
  'POST /account/tokens/:tokenId/revoke': ANY,
  'GET /audit': AUDITORS,
  'GET /api/v1/audit': AUDITORS,
  'GET /structure': ANY,
  'GET /structure/chair-rota/new': ADMIN,
  'POST /structure/chair-rota': ADMIN,
  'POST /structure/chair-rota/:id/remove': ADMIN,
  'GET /structure/boards/new': ADMIN,
  'POST /structure/boards': ADMIN,
  'GET /structure/boards/:id/edit': ADMIN,
  'POST /structure/boards/:id': ADMIN,
  'GET /api/v1/structure': ANY,
  'POST /api/v1/structure/chair-rota': ADMIN,
  'DELETE /api/v1/structure/chair-rota/:id': ADMIN,
  'GET /api/v1/board-links': ANY,
  'POST /api/v1/board-links': ADMIN,
  'PUT /api/v1/board-links/:id': ADMIN,
  'GET /partners': ANY,
  'GET /partners/new': ADMIN,
  'POST /partners': ADMIN,
  'GET /partners/:id': ANY,
  'POST /partners/:id/safeguarding-partners': ADMIN,
  'POST /partners/:id/safeguarding-partners/:entryId/remove': ADMIN,
  'GET /partners/:id/edit': ADMIN,
  'POST /partners/:id': ADMIN,
  'GET /api/v1/partners': ANY,
  'POST /api/v1/partners': ADMIN,
  'GET /api/v1/partners/:id': ANY,
  'PATCH /api/v1/partners/:id': ADMIN,
  'POST /api/v1/partners/:id/safeguarding-partners': ADMIN,
  'DELETE /api/v1/partners/:id/safeguarding-partners/:entryId': ADMIN,
  'GET /people': ANY,
  'GET /people/new': ADMIN,
  'POST /people': ADMIN,
  'GET /people/:id': ANY,
  'GET /people/:id/edit': ADMIN,
  'POST /people/:id': ADMIN,
  'GET /api/v1/people': ANY,
  'POST /api/v1/people': ADMIN,
  'GET /api/v1/people/:id': ANY,
  'PATCH /api/v1/people/:id': ADMIN,
  'GET /groups': ANY,
  'GET /groups/new': ADMIN,
  'POST /groups': ADMIN,
  'GET /groups/:id': ANY,
  'GET /groups/:id/edit': ADMIN,
  'POST /groups/:id': ADMIN,
  'POST /groups/:id/members': ADMIN,
  'GET /groups/:id/members/:personId/remove': ADMIN,
  'POST /groups/:id/members/:personId/remove': ADMIN,
  'GET /api/v1/groups': ANY,
  'POST /api/v1/groups': ADMIN,
  'GET /api/v1/groups/:id': ANY,
  'PATCH /api/v1/groups/:id': ADMIN,
  'GET /api/v1/groups/:id/members': ANY,
  'POST /api/v1/groups/:id/members': ADMIN,
  'DELETE /api/v1/groups/:id/members/:personId': ADMIN,
  'GET /meetings': MEETING_READERS,
  'GET /meetings/new': MEETING_WRITERS,
  'POST /meetings': MEETING_WRITERS,
  'GET /meetings/:id': MEETING_READERS,
  'GET /meetings/:id/edit': MEETING_WRITERS,
  'POST /meetings/:id': MEETING_WRITERS,
  'POST /meetings/:id/agenda': MEETING_WRITERS,
  'POST /meetings/:id/agenda/:itemId/remove': MEETING_WRITERS,
  'POST /meetings/:id/attendance': MEETING_WRITERS,
  'POST /meetings/:id/decisions': MEETING_WRITERS,
  'POST /meetings/:id/actions': MEETING_WRITERS,
  'GET /meetings/:id/actions/:actionId': MEETING_READERS,
  'POST /meetings/:id/actions/:actionId': ACTION_UPDATERS,
  'GET /meetings/:id/calendar.ics': MEETING_READERS,
  'POST /meetings/:id/key-points': MEETING_WRITERS,
  'POST /meetings/:id/papers': MEETING_WRITERS,
  'GET /meetings/:id/papers/:paperId': MEETING_READERS,
  'POST /meetings/:id/papers/:paperId/remove': MEETING_WRITERS,
  'GET /api/v1/meetings/:id/papers': MEETING_READERS,
  'POST /api/v1/meetings/:id/papers': MEETING_WRITERS,
  'GET /api/v1/meetings/:id/papers/:paperId': MEETING_READERS,
  'DELETE /api/v1/meetings/:id/papers/:paperId': MEETING_WRITERS,
  'POST /meetings/:id/key-points/approve': KEY_POINT_APPROVERS,
  'GET /key-points': MEETING_READERS,
  'GET /api/v1/key-points': MEETING_READERS,
  'PUT /api/v1/meetings/:id/key-points': MEETING_WRITERS,
  'POST /api/v1/meetings/:id/key-points/approve': KEY_POINT_APPROVERS,
  'GET /meetings/:id/pack.pdf': MEETING_READERS,
  'GET /meetings/:id/pack.docx': MEETING_READERS,
  'GET /groups/:id/meetings.ics': MEETING_READERS,
  'GET /api/v1/meetings': MEETING_READERS,
  'POST /api/v1/meetings': MEETING_WRITERS,
  'GET /api/v1/meetings/:id': MEETING_READERS,
  'PATCH /api/v1/meetings/:id': MEETING_WRITERS,
  'POST /api/v1/meetings/:id/agenda-items': MEETING_WRITERS,
  'DELETE /api/v1/meetings/:id/agenda-items/:itemId': MEETING_WRITERS,
  'PUT /api/v1/meetings/:id/attendance': MEETING_WRITERS,
  'POST /api/v1/meetings/:id/decisions': MEETING_WRITERS,
  'GET /api/v1/meetings/:id/actions': MEETING_READERS,
  'POST /api/v1/meetings/:id/actions': MEETING_WRITERS,
  'PATCH /api/v1/meetings/:id/actions/:actionId': ACTION_UPDATERS,
  'GET /escalations': ESCALATION_READERS,
  'GET /escalations/new': ESCALATION_RAISERS,
  'POST /escalations': ESCALATION_RAISERS,
  'GET /escalations/:id': ESCALATION_READERS,
  'POST /escalations/:id/status': ESCALATION_RESPONDERS,
  'GET /api/v1/escalations': ESCALATION_READERS,
  'POST /api/v1/escalations': ESCALATION_RAISERS,
  'GET /api/v1/escalations/:id': ESCALATION_READERS,
  'POST /api/v1/escalations/:id/status': ESCALATION_RESPONDERS,
  'GET /risks': RISK_READERS,
  'GET /risks/new': RISK_WRITERS,
  'POST /risks': RISK_WRITERS,
  'GET /risks/:id': RISK_READERS,
  'GET /risks/:id/edit': RISK_WRITERS,
  'POST /risks/:id': RISK_WRITERS,
  'POST /risks/:id/escalate': RISK_WRITERS,
  'GET /api/v1/risks': RISK_READERS,
  'POST /api/v1/risks': RISK_WRITERS,
  'GET /api/v1/risks/:id': RISK_READERS,
  'PUT /api/v1/risks/:id': RISK_WRITERS,
  'POST /api/v1/risks/:id/escalate': RISK_WRITERS,
  'GET /cases': CASE_READERS,
  'GET /cases.csv': CASE_READERS,
  'GET /cases/settings': CASE_WRITERS,
  'POST /cases/settings': CASE_WRITERS,
  'GET /api/v1/review-settings': CASE_READERS,
  'PUT /api/v1/review-settings': CASE_WRITERS,
  'GET /cases/new': CASE_WRITERS,
  'POST /cases': CASE_WRITERS,
  'GET /cases/:id': CASE_READERS,
  'GET /cases/:id/edit': CASE_WRITERS,
  'POST /cases/:id': CASE_WRITERS,
  'GET /cases/:id/rapid-review': CASE_WRITERS,
  'POST /cases/:id/rapid-review': CASE_WRITERS,
  'GET /cases/:id/decision': CASE_DECIDERS,
  'POST /cases/:id/decision': CASE_DECIDERS,
  'POST /cases/:id/team': CASE_ASSIGNERS,
  'POST /cases/:id/team/remove': CASE_ASSIGNERS,
  'POST /cases/:id/waivers': CASE_WRITERS,
  'POST /cases/:id/actions': CASE_WRITERS,
  'GET /clocks': CASE_READERS,
  'GET /clocks.csv': CASE_READERS,
  'POST /cases/:id/people': CASE_WRITERS,
  'POST /cases/:id/people/remove': CASE_WRITERS,
  // The practice review: case readers pass the route; the service lets only the business unit and
  // the case's own reviewers and author work on it (tested in case-reviews.test.ts).
  'GET /cases/:id/review': CASE_READERS,
  'POST /cases/:id/review': CASE_READERS,
  'POST /cases/:id/recommendations': CASE_READERS,
  'POST /cases/:id/documents': CASE_READERS,
  'GET /cases/:id/documents/:documentId': CASE_READERS,
  'POST /cases/:id/events': CASE_READERS,
  'GET /cases/:id/briefing': CASE_READERS,
  'POST /cases/:id/briefing': CASE_READERS,
  'POST /cases/:id/briefing/publish': CASE_WRITERS,
  'POST /cases/:id/briefing/withdraw': CASE_WRITERS,
  'GET /briefings': ANY,
  'GET /briefings/:id': ANY,
  'GET /p/:slug/briefings': PUBLIC,
  'GET /p/:slug/briefings/:id': PUBLIC,
  'PUT /api/v1/incidents/:id/review': CASE_READERS,
  'POST /api/v1/incidents/:id/recommendations': CASE_READERS,
  'POST /api/v1/incidents/:id/events': CASE_READERS,
  'PUT /api/v1/incidents/:id/briefing': CASE_READERS,
  'POST /api/v1/incidents/:id/briefing/publish': CASE_WRITERS,
  'GET /api/v1/briefings': ANY,
  'GET /api/v1/incidents': CASE_READERS,
  'POST /api/v1/incidents': CASE_WRITERS,
  'GET /api/v1/incidents/:id': CASE_READERS,
  'PUT /api/v1/incidents/:id': CASE_WRITERS,
  'PUT /api/v1/incidents/:id/rapid-review': CASE_WRITERS,
  'PUT /api/v1/incidents/:id/decision': CASE_DECIDERS,
  'POST /api/v1/incidents/:id/team': CASE_ASSIGNERS,
  'GET /api/v1/clocks': CASE_READERS,
  'POST /cases/:id/recommendations/:recommendationId/plan': PLAN_HOLDERS,
  'GET /actions': PLAN_READERS,
  'GET /actions.csv': PLAN_READERS,
  'GET /actions.xlsx': PLAN_READERS,
  'GET /actions.docx': PLAN_READERS,
  'GET /actions/themes': PLAN_OVERSEERS,
  'GET /actions/sources': PLAN_READERS,
  'GET /actions/sources/new': PLAN_HOLDERS,
  'POST /actions/sources': PLAN_HOLDERS,
  'GET /actions/sources/:id': PLAN_READERS,
  'GET /actions/settings': PLAN_HOLDERS,
  'POST /actions/settings/themes/defaults': PLAN_HOLDERS,
  'POST /actions/settings/themes': PLAN_HOLDERS,
  'POST /actions/settings/priorities': PLAN_HOLDERS,
  'GET /actions/new': PLAN_HOLDERS,
  'POST /actions': PLAN_HOLDERS,
  'GET /actions/:id': PLAN_READERS,
  'GET /actions/:id/edit': PLAN_HOLDERS,
  'POST /actions/:id': PLAN_HOLDERS,
  'POST /actions/:id/progress': PLAN_UPDATERS,
  'POST /actions/:id/evidence': PLAN_UPDATERS,
  'POST /actions/:id/merge': PLAN_HOLDERS,
  'GET /api/v1/actions': PLAN_READERS,
  'GET /api/v1/actions/similar': PLAN_HOLDERS,
  'POST /api/v1/actions': PLAN_HOLDERS,
  'GET /api/v1/actions/:id': PLAN_READERS,
  'PUT /api/v1/actions/:id': PLAN_HOLDERS,
  'POST /api/v1/actions/:id/progress': PLAN_UPDATERS,
  'POST /api/v1/actions/:id/evidence': PLAN_UPDATERS,
  'POST /api/v1/actions/:id/merge': PLAN_HOLDERS,
  'POST /api/v1/actions/:id/sources': PLAN_HOLDERS,
  'GET /api/v1/action-sources': PLAN_READERS,
  'POST /api/v1/action-sources': PLAN_HOLDERS,
  'GET /api/v1/action-themes': PLAN_OVERSEERS,
  'GET /audits': AUDIT_READERS,
  'GET /audits/new': AUDIT_SUBMITTERS,
  'POST /audits': AUDIT_SUBMITTERS,
  'GET /audits/settings': AUDIT_MANAGERS,
  'POST /audits/settings': AUDIT_MANAGERS,
  'GET /audits/:id': AUDIT_READERS,
  'GET /audits/:id/edit': AUDIT_SUBMITTERS,
  'POST /audits/:id': AUDIT_SUBMITTERS,
  'POST /audits/:id/cases': AUDIT_SUBMITTERS,
  'POST /audits/:id/grades': AUDIT_SUBMITTERS,
  'POST /audits/:id/findings': AUDIT_SUBMITTERS,
  'POST /audits/:id/review': AUDIT_MANAGERS,
  'POST /audits/:id/findings/:findingId/plan': PLAN_HOLDERS,
  'GET /api/v1/audits': AUDIT_READERS,
  'POST /api/v1/audits': AUDIT_SUBMITTERS,
  'GET /api/v1/audits/:id': AUDIT_READERS,
  'PUT /api/v1/audits/:id': AUDIT_SUBMITTERS,
  'POST /api/v1/audits/:id/cases': AUDIT_SUBMITTERS,
  'PUT /api/v1/audits/:id/grades': AUDIT_SUBMITTERS,
  'POST /api/v1/audits/:id/findings': AUDIT_SUBMITTERS,
  'POST /api/v1/audits/:id/review': AUDIT_MANAGERS,
  'PUT /api/v1/audits/:id/plan-source': PLAN_HOLDERS,
  'PUT /api/v1/incidents/:id/plan-source': PLAN_HOLDERS,
  'GET /data': DATA_READERS,
  'GET /data/dashboard.csv': DATA_READERS,
  'GET /data/indicators/:id/figures.csv': DATA_READERS,
  'GET /data/indicators/:id/figures.xlsx': DATA_READERS,
  'GET /data/exceptions.csv': DATA_READERS,
  'GET /data/exceptions.xlsx': DATA_READERS,
  'GET /data/calls/:id/indicators.csv': DATA_READERS,
  'GET /data/calls/:id/indicators.xlsx': DATA_READERS,
  'GET /data/dashboard.xlsx': DATA_READERS,
  'GET /data/exceptions': DATA_READERS,
  'POST /data/exceptions/escalate': ESCALATION_RAISERS,
  'GET /data/published': DATA_READERS,
  'GET /p/:slug/data': PUBLIC,
  'GET /data/indicators': DATA_READERS,
  'GET /data/indicators/new': DATA_MANAGERS,
  'POST /data/indicators': DATA_MANAGERS,
  'POST /data/indicators/standard': DATA_MANAGERS,
  'GET /data/indicators/:id': DATA_READERS,
  'GET /data/indicators/:id/edit': DATA_MANAGERS,
  'POST /data/indicators/:id': DATA_MANAGERS,
  'GET /data/calls': DATA_READERS,
  'GET /data/calls/new': DATA_MANAGERS,
  'POST /data/calls': DATA_MANAGERS,
  'GET /data/calls/:id': DATA_READERS,
  'POST /data/calls/:id/upload': DATA_MANAGERS,
  'GET /data/calls/:id/pack.docx': DATA_READERS,
  'GET /data/calls/:id/pack.pdf': DATA_READERS,
  'GET /data/calls/:id/compliance.csv': DATA_READERS,
  'GET /data/calls/:id/indicators': DATA_READERS,
  'GET /data/calls/:id/compliance.xlsx': DATA_READERS,
  'GET /data/published.csv': DATA_READERS,
  'GET /data/published.xlsx': DATA_READERS,
  'GET /data/calls/:id/agencies/:agencyId': DATA_SUBMITTERS,
  'POST /data/calls/:id/agencies/:agencyId': DATA_SUBMITTERS,
  'POST /data/calls/:id/agencies/:agencyId/upload': DATA_SUBMITTERS,
  'GET /data/calls/:id/agencies/:agencyId/template.csv': DATA_SUBMITTERS,
  'GET /data/calls/:id/agencies/:agencyId/template.xlsx': DATA_SUBMITTERS,
  'GET /data/settings': DATA_MANAGERS,
  'POST /data/settings': DATA_MANAGERS,
  'POST /data/settings/populations': DATA_MANAGERS,
  'POST /data/settings/benchmarks': DATA_MANAGERS,
  'GET /api/v1/indicators': DATA_READERS,
  'POST /api/v1/indicators': DATA_MANAGERS,
  'GET /api/v1/indicators/:id': DATA_READERS,
  'GET /api/v1/dashboard': DATA_READERS,
  'GET /api/v1/data-calls': DATA_READERS,
  'GET /api/v1/data-calls/:id/compliance': DATA_READERS,
  'PUT /api/v1/data-calls/:id/submissions/:agencyId': DATA_SUBMITTERS,
  'GET /users': ADMIN,
  'GET /users/new': ADMIN,
  'POST /users': ADMIN,
  'GET /users/:id': ADMIN,
  'GET /users/:id/edit': ADMIN,
  'POST /users/:id': ADMIN,
  'POST /users/:id/deactivate': ADMIN,
  'POST /users/:id/reactivate': ADMIN,
  'POST /users/:id/invitation': ADMIN,
  'GET /api/v1/users': ADMIN,
  'POST /api/v1/users': ADMIN,
  'GET /api/v1/users/:id': ADMIN,
  'PATCH /api/v1/users/:id': ADMIN,
  'GET /partnerships': OPERATOR,
  'GET /partnerships/new': OPERATOR,
  'POST /partnerships': OPERATOR,
  'GET /api/v1/partnerships': OPERATOR,
  'POST /api/v1/partnerships': OPERATOR,
  // Signing out is last for each role, so the role's session lasts through the rest.
  'POST /sign-out': ANY,
};

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

test('every route is in the table, and the table names no route that does not exist', () => {
  const registered = t.routes.map(key).sort();
  assert.deepEqual(registered, Object.keys(EXPECTED).sort());
});

/**
 * Path parameters become ids that name nothing, so an allowed call changes nothing real (404 or 400);
 * all but `:agencyId`, which is the caller's own agency: a data lead may use only its own agency's
 * submission, so any other agency is refused whatever the rest of the path names.
 */
const concrete = (url: string, ownAgencyId: string | null = null) =>
  url.replace(/:(\w+)/g, (_, name: string) =>
    name === 'agencyId' && ownAgencyId ? ownAgencyId : randomUUID(),
  );

const agencyOf = async (email: string) =>
  (
    await t.db.query<{ agencyId: string | null }>(
      'SELECT agency_id AS "agencyId" FROM users WHERE email = $1',
      [email],
    )
  )[0]?.agencyId ?? null;

for (const role of [...ROLES, 'anonymous' as const]) {
  test(`${role}: allowed routes answer, every other route refuses`, async () => {
    const browser = new Browser(t.app);
    let token: string | null = null;
    let ownAgencyId: string | null = null;
    if (role !== 'anonymous') {
      await browser.signIn(`${role}@demo.example`);
      token = await apiToken(t.app, `${role}@demo.example`);
      ownAgencyId = await agencyOf(`${role}@demo.example`);
    }
    const problems: string[] = [];
    for (const [route, who] of Object.entries(EXPECTED)) {
      const [method, url] = route.split(' ') as [string, string];
      const allowed = who === PUBLIC || (role !== 'anonymous' && who.includes(role));
      const path = concrete(url, ownAgencyId);
      const isApi = path.startsWith('/api/');
      const response = isApi
        ? await t.app.inject({
            method: method as 'GET',
            url: path,
            headers: token ? bearer(token) : {},
            ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
          })
        : method === 'GET'
          ? await browser.get(path)
          : await browser.post(path, {});
      const refused =
        role === 'anonymous'
          ? isApi
            ? response.statusCode === 401
            : response.statusCode === 302 && String(response.headers.location).startsWith('/sign-in')
          : response.statusCode === 403;
      if (allowed && (refused || response.statusCode >= 500))
        problems.push(`${route} should be allowed, got ${response.statusCode}`);
      if (!allowed && !refused) problems.push(`${route} should be refused, got ${response.statusCode}`);
    }
    assert.deepEqual(problems, []);
  });
}

test('a data lead is refused every route that names another agency’s submission', async () => {
  const email = 'data-lead@demo.example';
  const own = (await agencyOf(email)) as string;
  assert.ok(own, 'the demo data lead has an agency');
  const [other] = await t.db.query<{ id: string }>(
    `SELECT id FROM agencies WHERE partnership_id = (SELECT partnership_id FROM users WHERE email = $1)
       AND id <> $2 AND is_active ORDER BY name LIMIT 1`,
    [email, own],
  );
  const [call] = await t.db.query<{ id: string }>(
    `SELECT id FROM data_calls WHERE partnership_id = (SELECT partnership_id FROM users WHERE email = $1)
     ORDER BY quarter_starts_on DESC LIMIT 1`,
    [email],
  );
  assert.ok(other && call);
  const browser = new Browser(t.app);
  await browser.signIn(email);
  const token = await apiToken(t.app, email);
  const agencyRoutes = Object.keys(EXPECTED).filter((route) => route.includes(':agencyId'));
  assert.ok(agencyRoutes.length >= 6);
  const problems: string[] = [];
  for (const route of agencyRoutes) {
    const [method, url] = route.split(' ') as [string, string];
    const path = (agency: string) => url.replace(':agencyId', agency).replace(':id', call.id);
    const send = (agency: string) =>
      path(agency).startsWith('/api/')
        ? t.app.inject({ method: method as 'PUT', url: path(agency), headers: bearer(token), payload: {} })
        : method === 'GET'
          ? browser.get(path(agency))
          : browser.post(path(agency), {});
    const refused = await send(other.id);
    if (refused.statusCode !== 403) problems.push(`${route} for another agency: ${refused.statusCode}`);
    // Its own agency's pages of the same, real call open: the refusal is of the agency, not the route.
    if (method === 'GET') {
      const allowed = await send(own);
      if (allowed.statusCode !== 200) problems.push(`${route} for its own agency: ${allowed.statusCode}`);
    }
  }
  assert.deepEqual(problems, []);
});
