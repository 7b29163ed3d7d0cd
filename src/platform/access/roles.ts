/** The roles of PRODUCT.md "Who uses it", and what each may do. Pure: no I/O. */
export const ROLES = [
  'operator',
  'admin',
  'executive',
  'chair',
  'member',
  'data-lead',
  'reviewer',
  'scrutineer',
  'young-scrutineer',
  'practitioner',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  operator: 'Operator (runs the installation)',
  admin: 'Business unit (admin)',
  executive: 'Executive',
  chair: 'Group chair',
  member: 'Member',
  'data-lead': 'Data lead',
  reviewer: 'Reviewer',
  scrutineer: 'Independent scrutineer',
  'young-scrutineer': 'Young scrutineer',
  practitioner: 'Practitioner',
};

export const PERMISSIONS = [
  /** See partners, people, groups and the governance structure. */
  'structure:read',
  /** Change partners, people, groups, the chair rota and board links. */
  'structure:write',
  /** Invite, change and deactivate the partnership's user accounts. */
  'users:manage',
  /** Browse the audit log. */
  'audit:read',
  /** Create partnerships and their first admin. */
  'partnerships:manage',
  /** See meetings, their agendas, attendance, decisions and action lists. */
  'meetings:read',
  /** Arrange meetings and keep their agendas, attendance, decisions and action lists. */
  'meetings:write',
  /** Update the progress of a group's actions (the service limits most roles to their agency's). */
  'meeting-actions:update',
  /** See the escalation tracker: what was raised to the executive and what it decided. */
  'escalations:read',
  /** Raise an escalation to the executive, for a group or a partner. */
  'escalations:raise',
  /** Record the executive's consideration, response, decision and closing of an escalation. */
  'escalations:respond',
  /** Approve the key points of an executive meeting, which sends them to every partner. */
  'key-points:approve',
  /** See the e-mails the service sent or logged for the partnership. */
  'emails:read',
  /** See the emerging-risks log. */
  'risks:read',
  /** Raise and update emerging risks, and escalate them to the executive. */
  'risks:write',
  /** Open case-review pages at all; which cases is need-to-know (features/reviews/rules.ts). */
  'cases:read',
  /** See every case, not only those one is on the team of (the business unit and the executive). */
  'cases:all',
  /** Record incidents, rapid reviews, case teams, clock waivers and immediate actions. */
  'cases:write',
  /** Record the executive's decision on the level of review. */
  'cases:decide',
  /** Put people on a case's panel or review (an executive may override the independence rule). */
  'cases:assign',
  /** Read published learning: the 7-minute briefings (also on the public pages). */
  'learning:read',
  /** See the learning action plan: the whole plan, or only one's own agency's actions (plan:oversee). */
  'plan:read',
  /** See every agency's actions and the themes across them: the oversight of the plan. */
  'plan:oversee',
  /** Add progress and evidence to actions (the service limits most roles to their agency's). */
  'plan:update',
  /** Hold the plan: add, change and merge actions, mark them embedded, keep the themes and sources. */
  'plan:manage',
  /** See the audit programme: audits, their cases (pseudonymised), grades and findings. */
  'audits:read',
  /** Submit one's own agency's single-agency audits. */
  'audits:submit',
  /** Plan and record audits, and review single-agency audits for the QA and Performance group. */
  'audits:manage',
  /** See the data dashboard: submitted figures, comparisons, benchmarks, exceptions and compliance. */
  'data:read',
  /** Enter and submit one's own agency's figures for a data call (the business unit: any agency's). */
  'data:submit',
  /** Keep the indicator catalogue, population and benchmarks; open data calls; set suppression. */
  'data:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everyoneSignedIn: readonly Role[] = ROLES;

const GRANTS: Record<Permission, readonly Role[]> = {
  // The structure is not personal data of children: every signed-in role may read it.
  'structure:read': everyoneSignedIn,
  'structure:write': ['admin'],
  'users:manage': ['admin'],
  'audit:read': ['admin', 'operator'],
  'partnerships:manage': ['operator'],
  // Meetings are the partners' business, not case material: not for practitioners or young
  // scrutineers; reviewers see only the reviews assigned to them.
  'meetings:read': ['admin', 'executive', 'chair', 'member', 'data-lead', 'scrutineer'],
  'meetings:write': ['admin', 'chair'],
  'meeting-actions:update': ['admin', 'chair', 'executive', 'member', 'data-lead'],
  // Partners see what the executive decided; any partner may raise; the executive (or the business
  // unit on its behalf) answers.
  'escalations:read': ['admin', 'executive', 'chair', 'member', 'data-lead', 'scrutineer'],
  'escalations:raise': ['admin', 'executive', 'chair', 'member'],
  'escalations:respond': ['admin', 'executive'],
  'emails:read': ['admin'],
  // The executive's chair approves; the business unit drafts (meetings:write).
  'key-points:approve': ['executive', 'chair'],
  // Risks are raised by partners, as at the fortnightly risk meetings.
  'risks:read': ['admin', 'executive', 'chair', 'member', 'data-lead', 'scrutineer'],
  'risks:write': ['admin', 'executive', 'chair', 'member'],
  // Case material is need-to-know: these roles may be put on a case's panel or review, and then see
  // that case; the admin and the executive see every case. Never young scrutineers or practitioners.
  'cases:read': ['admin', 'executive', 'chair', 'member', 'data-lead', 'reviewer', 'scrutineer'],
  'cases:all': ['admin', 'executive'],
  'cases:write': ['admin'],
  // The executive decides; the business unit may record the decision on its behalf.
  'cases:decide': ['admin', 'executive'],
  'cases:assign': ['admin', 'executive'],
  'learning:read': everyoneSignedIn,
  // The plan is held by the QA and Performance group (its chairs, with the business unit), overseen
  // by the executive and open to independent scrutiny; other partners see their own agency's part.
  'plan:read': ['admin', 'executive', 'chair', 'member', 'data-lead', 'scrutineer'],
  'plan:oversee': ['admin', 'executive', 'chair', 'scrutineer'],
  'plan:update': ['admin', 'executive', 'chair', 'member', 'data-lead'],
  'plan:manage': ['admin', 'chair'],
  'audits:read': ['admin', 'executive', 'chair', 'member', 'data-lead', 'scrutineer'],
  'audits:submit': ['admin', 'executive', 'chair', 'member', 'data-lead'],
  'audits:manage': ['admin', 'chair'],
  // Partners' figures are shared among the partners and open to scrutiny; each agency's data lead
  // submits its own, the business unit runs the calls. Young scrutineers see the published view.
  'data:read': ['admin', 'executive', 'chair', 'member', 'data-lead', 'scrutineer'],
  'data:submit': ['admin', 'data-lead'],
  'data:manage': ['admin'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[permission].includes(role);
}

export function rolesWith(permission: Permission): readonly Role[] {
  return GRANTS[permission];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
