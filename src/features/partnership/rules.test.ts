import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES } from '../../platform/access/roles.ts';
import {
  assignableRoles,
  chairOn,
  chairRotaProblem,
  governanceTree,
  groupStatus,
  quorumDescription,
  userChangeProblem,
  wouldLoop,
} from './rules.ts';

const turn = (
  id: string,
  startsOn: string,
  endsOn: string,
  agencyKind: 'local-authority' | 'police' | 'icb' | 'relevant-agency' = 'police',
) => ({
  id,
  agencyId: `a-${id}`,
  agencyKind,
  startsOn,
  endsOn,
});

test('the executive chair can only be a statutory partner', () => {
  assert.match(
    chairRotaProblem(turn('x', '2025-04-01', '2026-03-31', 'relevant-agency'), []) ?? '',
    /statutory partners/,
  );
  assert.equal(chairRotaProblem(turn('x', '2025-04-01', '2026-03-31', 'icb'), []), null);
});

test('turns as chair may not overlap, but may meet end to start', () => {
  const rota = [turn('a', '2024-04-01', '2025-03-31')];
  assert.match(chairRotaProblem(turn('b', '2025-03-31', '2026-03-30'), rota) ?? '', /overlaps/);
  assert.equal(chairRotaProblem(turn('b', '2025-04-01', '2026-03-31'), rota), null);
  // a turn does not clash with itself when changed
  assert.equal(chairRotaProblem(turn('a', '2024-04-01', '2025-06-30'), rota), null);
});

test('chairOn finds whose turn it is, ends inclusive', () => {
  const rota = [turn('a', '2024-04-01', '2025-03-31'), turn('b', '2025-04-01', '2026-03-31')];
  assert.equal(chairOn(rota, '2025-03-31')?.id, 'a');
  assert.equal(chairOn(rota, '2025-04-01')?.id, 'b');
  assert.equal(chairOn(rota, '2026-04-01'), null);
});

test('a group is current from its start until its end date, inclusive', () => {
  const g = { startsOn: '2021-04-01', endsOn: '2024-03-31' };
  assert.equal(groupStatus(g, '2021-03-31'), 'not-started');
  assert.equal(groupStatus(g, '2021-04-01'), 'current');
  assert.equal(groupStatus(g, '2024-03-31'), 'current');
  assert.equal(groupStatus(g, '2024-04-01'), 'ended');
  assert.equal(groupStatus({ startsOn: '2019-09-29', endsOn: null }, '2030-01-01'), 'current');
});

test('the governance tree nests groups under the group they report to, sorted by name', () => {
  const groups = [
    { id: 'e', name: 'Executive', reportsToGroupId: null },
    { id: 'q', name: 'Quality Assurance', reportsToGroupId: 'e' },
    { id: 'r', name: 'Rapid Review Working Group', reportsToGroupId: 'q' },
    { id: 'f', name: 'Education Forum', reportsToGroupId: 'e' },
    { id: 'o', name: 'Orphan', reportsToGroupId: 'missing' },
  ];
  const tree = governanceTree(groups);
  assert.deepEqual(
    tree.map((n) => n.id),
    ['e', 'o'],
  );
  assert.deepEqual(
    tree[0]?.children.map((n) => n.id),
    ['f', 'q'],
  );
  assert.deepEqual(
    tree[0]?.children[1]?.children.map((n) => n.id),
    ['r'],
  );
});

test('a loop in reporting lines does not lose groups from the tree', () => {
  const tree = governanceTree([
    { id: 'a', name: 'A', reportsToGroupId: 'b' },
    { id: 'b', name: 'B', reportsToGroupId: 'a' },
  ]);
  const count = (nodes: typeof tree): number => nodes.reduce((n, x) => n + 1 + count(x.children), 0);
  assert.equal(count(tree), 2);
});

test('a group may not report to itself or to a group below it', () => {
  const links = [
    { id: 'e', reportsToGroupId: null },
    { id: 'q', reportsToGroupId: 'e' },
    { id: 'r', reportsToGroupId: 'q' },
  ];
  assert.equal(wouldLoop(links, 'e', 'e'), true);
  assert.equal(wouldLoop(links, 'e', 'r'), true);
  assert.equal(wouldLoop(links, 'r', 'e'), false);
  assert.equal(wouldLoop(links, 'q', null), false);
});

test('only an operator gives the operator role; nobody deactivates or demotes themselves', () => {
  assert.equal(assignableRoles(ROLES, 'admin').includes('operator'), false);
  assert.equal(assignableRoles(ROLES, 'operator').includes('operator'), true);
  const admin = { id: 'u1', role: 'admin' };
  assert.equal(userChangeProblem(admin, null, { role: 'operator' })?.field, 'role');
  assert.equal(userChangeProblem(admin, { id: 'u1' }, { isActive: false })?.field, 'isActive');
  assert.equal(userChangeProblem(admin, { id: 'u1' }, { role: 'member' })?.field, 'role');
  assert.equal(userChangeProblem(admin, { id: 'u1' }, { role: 'admin' }), null);
  assert.equal(userChangeProblem(admin, { id: 'u2' }, { isActive: false, role: 'member' }), null);
});

test('a quorum rule is described in words', () => {
  assert.equal(quorumDescription({ quorum: null, quorumNeedsStatutory: false }), 'No quorum set');
  assert.equal(quorumDescription({ quorum: 4, quorumNeedsStatutory: false }), '4 people present');
  assert.equal(quorumDescription({ quorum: 1, quorumNeedsStatutory: false }), '1 person present');
  assert.equal(
    quorumDescription({ quorum: 3, quorumNeedsStatutory: true }),
    '3 people present, including someone from each statutory partner',
  );
  assert.equal(
    quorumDescription({ quorum: null, quorumNeedsStatutory: true }),
    'Someone from each statutory partner',
  );
});
