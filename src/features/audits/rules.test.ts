import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AREA_LABELS,
  AREAS,
  AUDIT_TYPE_LABELS,
  AUDIT_TYPES,
  auditErrors,
  DEFAULT_FOLLOW_UP_MONTHS,
  followUpFor,
  followUpOn,
  GRADE_LABELS,
  GRADES,
  isPartnerSubmitted,
  isPartnershipLed,
  looksLikePseudonym,
  mayEditAudit,
  mayRecordAudit,
  reviewErrors,
  reviewedChangeErrors,
  submittedOnFor,
  submitterErrors,
} from './rules.ts';

const fields = (errors: { field: string }[]) => errors.map((e) => e.field);

test('every type, grade and area has a label', () => {
  assert.deepEqual(Object.keys(AUDIT_TYPE_LABELS), [...AUDIT_TYPES]);
  assert.deepEqual(Object.keys(GRADE_LABELS), [...GRADES]);
  assert.deepEqual(Object.keys(AREA_LABELS), [...AREAS]);
  assert.equal(AUDIT_TYPE_LABELS['section-11'], 'Section 11 audit');
  assert.equal(AREA_LABELS.recognition, 'Recognition of need and risk');
});

test('multi-agency and themed audits are the partnership’s; the others are submitted by an agency', () => {
  assert.deepEqual(AUDIT_TYPES.filter(isPartnershipLed), ['multi-agency', 'themed']);
  assert.deepEqual(AUDIT_TYPES.filter(isPartnerSubmitted), ['single-agency', 'section-11', 'section-175']);
});

test('the follow-up learning session is six months after the workshop by default', () => {
  assert.equal(DEFAULT_FOLLOW_UP_MONTHS, 6);
  assert.equal(followUpOn('2026-01-15', 6), '2026-07-15');
  assert.equal(followUpOn('2026-03-31', 6), '2026-09-30', 'September has no 31st');
  assert.equal(followUpOn('2025-08-31', 6), '2026-02-28');
  assert.equal(followUpOn('2027-08-31', 6), '2028-02-29', 'a leap year');
  assert.equal(followUpOn('2026-10-10', 3), '2027-01-10', 'across the year end');
  assert.equal(followUpOn('2026-10-10', 24), '2028-10-10');
});

test('only a partnership-led audit with a workshop date has a follow-up', () => {
  assert.equal(followUpFor({ type: 'themed', workshopOn: '2026-05-01' }, 6), '2026-11-01');
  assert.equal(followUpFor({ type: 'multi-agency', workshopOn: null }, 6), null);
  assert.equal(followUpFor({ type: 'single-agency', workshopOn: '2026-05-01' }, 6), null);
});

test('a workshop date is for partnership-led audits, and a completed one needs it', () => {
  const ok = { type: 'multi-agency' as const, status: 'planned' as const, workshopOn: null };
  assert.deepEqual(auditErrors(ok), []);
  assert.deepEqual(fields(auditErrors({ ...ok, status: 'completed' })), ['workshopOn']);
  assert.deepEqual(auditErrors({ ...ok, status: 'completed', workshopOn: '2026-05-01' }), []);
  assert.deepEqual(fields(auditErrors({ ...ok, type: 'section-175', workshopOn: '2026-05-01' })), [
    'workshopOn',
  ]);
  assert.deepEqual(auditErrors({ ...ok, type: 'section-11', status: 'completed' }), []);
});

test('partners submit only their own agency’s single-agency, section 11 and section 175 audits', () => {
  const member = { role: 'member' as const, agencyId: 'elft' };
  assert.deepEqual(submitterErrors(member, { type: 'single-agency', agencyId: 'elft' }), []);
  assert.deepEqual(fields(submitterErrors(member, { type: 'multi-agency', agencyId: 'elft' })), ['type']);
  assert.deepEqual(fields(submitterErrors(member, { type: 'section-11', agencyId: 'police' })), ['agencyId']);
  for (const role of ['admin', 'chair'] as const)
    assert.deepEqual(submitterErrors({ role, agencyId: 'la' }, { type: 'themed', agencyId: 'police' }), []);
  assert.equal(mayEditAudit(member, { type: 'section-11', agencyId: 'elft' }), true);
  assert.equal(mayEditAudit(member, { type: 'section-11', agencyId: 'police' }), false);
  assert.equal(mayEditAudit(member, { type: 'multi-agency', agencyId: 'elft' }), false);
  assert.equal(
    mayEditAudit({ role: 'scrutineer', agencyId: 'elft' }, { type: 'section-11', agencyId: 'elft' }),
    false,
  );
  assert.equal(
    mayEditAudit({ role: 'chair', agencyId: 'la' }, { type: 'multi-agency', agencyId: 'elft' }),
    true,
  );
});

test('an agency’s audit is submitted when completed, and reviewed only then', () => {
  const today = '2026-06-01';
  assert.equal(submittedOnFor({ type: 'single-agency', status: 'completed' }, null, today), today);
  assert.equal(
    submittedOnFor({ type: 'single-agency', status: 'completed' }, { submittedOn: '2026-05-01' }, today),
    '2026-05-01',
    'kept from when it was first submitted',
  );
  assert.equal(submittedOnFor({ type: 'single-agency', status: 'in-progress' }, null, today), null);
  assert.equal(submittedOnFor({ type: 'multi-agency', status: 'completed' }, null, today), null);
  assert.deepEqual(reviewErrors({ type: 'section-175', submittedOn: today }), []);
  assert.match(reviewErrors({ type: 'section-175', submittedOn: null })[0]?.message ?? '', /not submitted/);
  assert.match(reviewErrors({ type: 'themed', submittedOn: null })[0]?.message ?? '', /Only single-agency/);
  assert.deepEqual(reviewedChangeErrors({ reviewedOn: null }, { type: 'themed', status: 'planned' }), []);
  assert.deepEqual(
    fields(reviewedChangeErrors({ reviewedOn: today }, { type: 'themed', status: 'planned' })),
    ['type', 'status'],
  );
});

test('a pseudonym with a date or a postcode in it is refused', () => {
  for (const ok of ['Child J', 'Sibling group K', 'Young person 3', 'Child J (aged 14)'])
    assert.ok(looksLikePseudonym(ok), ok);
  for (const bad of [
    'Child J 12/03/2015',
    'J born 1-3-15',
    'Child 12.03.2015',
    '2015-03-12',
    'Child J, E1 6AN',
    'DOB 3 May 2015',
  ])
    assert.equal(looksLikePseudonym(bad), false, bad);
});

test('an agency records its own submitted audit until the QA and Performance group has reviewed it', () => {
  const own = { type: 'single-agency' as const, agencyId: 'elft', reviewedOn: null };
  const member = { role: 'member' as const, agencyId: 'elft' };
  assert.equal(mayRecordAudit(member, own), true);
  assert.equal(mayRecordAudit(member, { ...own, reviewedOn: '2026-06-25' }), false);
  assert.equal(mayRecordAudit(member, { ...own, agencyId: 'police' }), false);
  assert.equal(mayRecordAudit(member, { ...own, type: 'multi-agency' }), false);
  assert.equal(mayRecordAudit({ role: 'chair', agencyId: 'la' }, { ...own, reviewedOn: '2026-06-25' }), true);
  assert.equal(mayRecordAudit({ role: 'scrutineer', agencyId: 'elft' }, own), false);
});
