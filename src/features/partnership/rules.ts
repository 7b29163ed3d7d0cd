/** The partnership's structure: kinds of partner and group, the chair rota and the governance tree. Pure. */

export const AGENCY_KINDS = ['local-authority', 'icb', 'police', 'relevant-agency'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const STATUTORY_KINDS: readonly AgencyKind[] = ['local-authority', 'icb', 'police'];

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  'local-authority': 'Statutory partner: local authority',
  icb: 'Statutory partner: integrated care board (formerly CCG)',
  police: 'Statutory partner: police',
  'relevant-agency': 'Relevant agency',
};

export const SECTORS = [
  'local-authority',
  'health',
  'police',
  'education',
  'early-years',
  'probation',
  'youth-justice',
  'fire',
  'cafcass',
  'housing',
  'voluntary',
  'faith',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];
export const SECTOR_LABELS: Record<Sector, string> = {
  'local-authority': 'Local authority services',
  health: 'Health',
  police: 'Police',
  education: 'Schools and education',
  'early-years': 'Early years',
  probation: 'Probation',
  'youth-justice': 'Youth justice',
  fire: 'Fire and rescue',
  cafcass: 'CAFCASS',
  housing: 'Housing',
  voluntary: 'Voluntary and community sector',
  faith: 'Faith organisations',
  other: 'Other',
};

export const GROUP_TYPES = [
  'executive',
  'subgroup',
  'priority-group',
  'task-and-finish',
  'rapid-review-panel',
  'rapid-review-working-group',
  'forum',
] as const;
export type GroupType = (typeof GROUP_TYPES)[number];
export const GROUP_TYPE_LABELS: Record<GroupType, string> = {
  executive: 'Executive',
  subgroup: 'Subgroup',
  'priority-group': 'Priority group',
  'task-and-finish': 'Task and finish group',
  'rapid-review-panel': 'Rapid Review Panel',
  'rapid-review-working-group': 'Rapid Review Working Group',
  forum: 'Forum',
};

export const CADENCES = [
  'weekly',
  'fortnightly',
  'monthly',
  'six-weekly',
  'bi-monthly',
  'quarterly',
  'as-needed',
] as const;
export type Cadence = (typeof CADENCES)[number];
export const CADENCE_LABELS: Record<Cadence, string> = {
  weekly: 'Weekly',
  fortnightly: 'Fortnightly',
  monthly: 'Monthly',
  'six-weekly': 'Every six weeks',
  'bi-monthly': 'Every two months',
  quarterly: 'Quarterly',
  'as-needed': 'When needed',
};

export const isStatutory = (kind: AgencyKind) => STATUTORY_KINDS.includes(kind);

/** A group is current on a day from its start until its end date (priority groups end with their priority). */
export function groupIsCurrent(group: { startsOn: string; endsOn: string | null }, today: string): boolean {
  return group.startsOn <= today && (group.endsOn === null || group.endsOn >= today);
}

export type GroupStatus = 'current' | 'ended' | 'not-started';

export function groupStatus(group: { startsOn: string; endsOn: string | null }, today: string): GroupStatus {
  if (group.startsOn > today) return 'not-started';
  return groupIsCurrent(group, today) ? 'current' : 'ended';
}

export type RotaEntry = {
  id?: string;
  agencyId: string;
  agencyKind: AgencyKind;
  startsOn: string;
  endsOn: string;
};

/**
 * The executive's chair rotates between the three statutory partners: only a statutory partner may
 * hold it, and no two turns may overlap. Returns the problem with a proposed turn, or null.
 */
export function chairRotaProblem(proposed: RotaEntry, existing: RotaEntry[]): string | null {
  if (!isStatutory(proposed.agencyKind)) {
    return 'The executive chair rotates between the statutory partners: choose the local authority, ICB or police';
  }
  if (proposed.endsOn < proposed.startsOn) return 'The end date must be the same as or after the start date';
  const clash = existing.find(
    (e) => e.id !== proposed.id && e.startsOn <= proposed.endsOn && proposed.startsOn <= e.endsOn,
  );
  return clash ? `This overlaps another turn as chair (${clash.startsOn} to ${clash.endsOn})` : null;
}

/** Whose turn it is to chair the executive on a day, if anyone's. */
export function chairOn<T extends { startsOn: string; endsOn: string }>(rota: T[], day: string): T | null {
  return rota.find((e) => e.startsOn <= day && day <= e.endsOn) ?? null;
}

export type TreeNode<T> = T & { children: TreeNode<T>[] };

/**
 * The governance chart: each group under the group it reports to. A group whose parent is missing or
 * which sits in a loop is shown at the top level rather than lost.
 */
export function governanceTree<T extends { id: string; reportsToGroupId: string | null; name: string }>(
  groups: T[],
): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>(groups.map((g) => [g.id, { ...g, children: [] }]));
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.reportsToGroupId ? nodes.get(node.reportsToGroupId) : undefined;
    if (parent && !reachesUp(nodes, parent.id, node.id)) parent.children.push(node);
    else roots.push(node);
  }
  const byName = (a: TreeNode<T>, b: TreeNode<T>) => a.name.localeCompare(b.name);
  const sortAll = (list: TreeNode<T>[]) => {
    list.sort(byName);
    for (const n of list) sortAll(n.children);
  };
  sortAll(roots);
  return roots;
}

/** True if walking up from `start` reaches `target` (which would make a loop). */
function reachesUp<T extends { reportsToGroupId: string | null }>(
  nodes: Map<string, T>,
  start: string,
  target: string,
): boolean {
  const seen = new Set<string>();
  let current: string | null = start;
  while (current && !seen.has(current)) {
    if (current === target) return true;
    seen.add(current);
    current = nodes.get(current)?.reportsToGroupId ?? null;
  }
  return false;
}

/** Whether setting `groupId` to report to `parentId` would make a loop in the structure. */
export function wouldLoop(
  links: { id: string; reportsToGroupId: string | null }[],
  groupId: string,
  parentId: string | null,
): boolean {
  if (parentId === null) return false;
  if (parentId === groupId) return true;
  const nodes = new Map(links.map((l) => [l.id, l]));
  return reachesUp(nodes, parentId, groupId);
}

/** An admin may give any role but operator, which only an operator may give. */
export function assignableRoles<R extends string>(roles: readonly R[], actorRole: string): R[] {
  return roles.filter((r) => r !== 'operator' || actorRole === 'operator');
}

/**
 * Who may change an account how: only an operator makes operators, and nobody removes their own
 * access (deactivating themselves or taking away their own right to manage users) by mistake.
 */
export function userChangeProblem(
  actor: { id: string; role: string },
  target: { id: string } | null,
  change: { role?: string; isActive?: boolean },
): { field: string; message: string } | null {
  if (change.role === 'operator' && actor.role !== 'operator') {
    return { field: 'role', message: 'Only an operator can give the operator role' };
  }
  if (target && target.id === actor.id) {
    if (change.isActive === false)
      return { field: 'isActive', message: 'You cannot deactivate your own account' };
    if (change.role && change.role !== actor.role) {
      return { field: 'role', message: 'You cannot change your own role: ask another admin' };
    }
  }
  return null;
}

/** A group's quorum rule in words, for its page. */
export function quorumDescription(group: { quorum: number | null; quorumNeedsStatutory: boolean }): string {
  const parts: string[] = [];
  if (group.quorum !== null)
    parts.push(`${group.quorum} ${group.quorum === 1 ? 'person' : 'people'} present`);
  if (group.quorumNeedsStatutory) parts.push('someone from each statutory partner');
  return parts.length > 0 ? capitalise(parts.join(', including ')) : 'No quorum set';
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
