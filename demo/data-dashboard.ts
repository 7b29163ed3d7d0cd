/**
 * The demo partnership's data dashboard: the standard catalogue, the child population, benchmarks
 * and a data call every quarter from April 2016. The 31 March 2021 figures are the published ones
 * (demo/tower-hamlets-figures.ts); every other figure is a plausible made-up series, and every call,
 * population and narrative says it is demo data.
 */
import type { Queryable } from '../src/db/database.ts';
import { countAllAnswers, rebuildHeadlines } from '../src/features/data/calls-repo.ts';
import { insertStandardIndicators } from '../src/features/data/indicators-service.ts';
import { addQuarters, quarterStart } from '../src/platform/calendar/quarters.ts';
import { TOWER_HAMLETS_FIGURES } from './tower-hamlets-figures.ts';

const FIRST_QUARTER = '2016-04-01';
/** The quarter ending 31 March 2021, whose figures the 2020-21 report publishes. */
const PUBLISHED_QUARTER = '2021-01-01';
const DEMO = 'Demo data';

const published = (key: string) => {
  const figure = TOWER_HAMLETS_FIGURES.find((f) => f.key === key && f.area === 'Tower Hamlets');
  if (!figure) throw new Error(`No published figure ${key}`);
  return figure.value;
};

/** Children on plans by category at 31 March 2021: 235 in all, 77% neglect (181), none multiple. */
const PLAN_CATEGORIES = {
  CPP_NEGLECT: 181,
  CPP_EMOTIONAL: 30,
  CPP_PHYSICAL: 16,
  CPP_SEXUAL: 8,
  CPP_MULTIPLE: 0,
};

/** Each indicator's published (or, where none is published, typical) value at 31 March 2021. */
const ANCHORS: Record<string, number> = {
  REFERRALS: 880,
  REREFERRALS: 17.5,
  ASSESS_45: 86,
  S47: 310,
  ICPC_15: 82,
  CIN: published('CIN'),
  CPP: published('CPP'),
  ...PLAN_CATEGORIES,
  CPP_2YEARS: 3.5,
  CPP_REPEAT: 19,
  CLA: published('CLA'),
  CLA_FOSTER: published('CLA_FOSTER_PCT'),
  CLA_HOMES: published('CLA_HOMES_SECURE_HOSTELS_PCT'),
  CLA_IN_ABUSE: published('CLA_ENTRY_ABUSE_NEGLECT_PCT'),
  CLA_IN_ABSENT: published('CLA_ENTRY_ABSENT_PARENTING_PCT'),
  CLA_HEALTH: 86,
  DA_NOTIFY: 640,
  MISSING: 150,
  EXPLOIT_REF: 45,
  LADO: 60,
  CDOP_REVIEWED: 6,
  TRAINED: 40,
};

/** A made-up quarter's value: a slow trend and a seasonal wobble around the anchor, steady by design. */
function plausible(code: string, unit: string, quarterIndex: number, anchorIndex: number) {
  const anchor = ANCHORS[code] ?? 10;
  const seed = [...code].reduce((n, c) => n + c.charCodeAt(0), 0);
  const trend = 1 + ((quarterIndex - anchorIndex) * ((seed % 7) - 3)) / 400;
  const wobble = 1 + Math.sin(quarterIndex * 1.7 + seed) * 0.04;
  const value = anchor * trend * wobble;
  if (unit === 'percentage') return Math.min(100, Math.round(value * 10) / 10);
  return Math.max(0, Math.round(value));
}

/** Mid-year estimates of children aged 0-17; 2020 is the base the 2020-21 report's rates imply. */
const POPULATION: Record<number, number> = {
  2016: 70_950,
  2017: 71_420,
  2018: 71_800,
  2019: 72_090,
  2020: 72_334,
  2021: 72_480,
  2022: 72_210,
  2023: 71_930,
  2024: 71_650,
  2025: 71_380,
  2026: 71_120,
};

type Indicator = { id: string; code: string; unit: string; askedOf: string; agencyId: string };

export async function insertDemoDataDashboard(tx: Queryable, partnershipId: string, today: string) {
  await insertStandardIndicators(tx, partnershipId);
  await tx.query(
    `INSERT INTO data_settings (partnership_id, suppress_up_to, area_code, region_name, region_code)
     VALUES ($1, 5, 'E09000030', 'London', 'E12000007')`,
    [partnershipId],
  );
  for (const [year, children] of Object.entries(POPULATION))
    await tx.query(
      'INSERT INTO child_populations (partnership_id, year, children, source) VALUES ($1, $2, $3, $4)',
      [
        partnershipId,
        Number(year),
        children,
        Number(year) === 2020
          ? `${DEMO}: the base the 2020-21 report’s rates imply`
          : `${DEMO}: plausible, not the ONS estimate`,
      ],
    );
  const indicators = await tx.query<Indicator>(
    `SELECT id, code, unit, asked_of AS "askedOf", agency_id AS "agencyId" FROM indicators WHERE partnership_id = $1`,
    [partnershipId],
  );
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  await insertBenchmarks(tx, partnershipId, byCode);
  const agencies = await tx.query<{ id: string; kind: string }>(
    'SELECT id, kind FROM agencies WHERE partnership_id = $1 AND is_active ORDER BY name',
    [partnershipId],
  );
  const police = agencies.find((a) => a.kind === 'police')?.id;
  const icb = agencies.find((a) => a.kind === 'icb')?.id;
  // The last complete quarter's call is the one still being chased: the police have not answered,
  // and the ICB has sent its health assessments only for the quarter before.
  const lastQuarter = addQuarters(quarterStart(today), -1);
  const anchorIndex = quarterIndex(PUBLISHED_QUARTER);
  for (let quarter = FIRST_QUARTER; quarter <= lastQuarter; quarter = addQuarters(quarter, 1)) {
    const latest = quarter === lastQuarter;
    const deadline = endOfMonthAfter(quarter);
    const [call] = await tx.query<{ id: string }>(
      `INSERT INTO data_calls (partnership_id, quarter_starts_on, deadline, note, opened_on)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [
        partnershipId,
        quarter,
        deadline,
        quarter === PUBLISHED_QUARTER
          ? `${DEMO}: the children in need, child protection and looked-after figures are the published 31 March 2021 ones`
          : `${DEMO}: plausible figures, not the partnership’s`,
        addQuarters(quarter, 1),
      ],
    );
    const callId = (call as { id: string }).id;
    // The latest quarter's plans for sexual abuse are 3: the published view shows them as c.
    for (const [n, agency] of agencies.entries()) {
      if (latest && agency.id === police) continue;
      const asked = indicators.filter((i) => i.askedOf === 'every-partner' || i.agencyId === agency.id);
      if (!asked.length) continue;
      // Smaller agencies miss a quarter now and then.
      if (asked.every((i) => i.askedOf === 'every-partner') && (n + quarterIndex(quarter)) % 5 === 0)
        continue;
      const late = (n + quarterIndex(quarter)) % 7 === 0;
      const [submission] = await tx.query<{ id: string }>(
        `INSERT INTO data_submissions (partnership_id, call_id, agency_id, status, narrative, submitted_on, late, updated_by)
         VALUES ($1, $2, $3, 'submitted', $4, $5, $6, 'system (demo data)') RETURNING id`,
        [
          partnershipId,
          callId,
          agency.id,
          agency.kind === 'relevant-agency'
            ? ''
            : `${DEMO}: a made-up narrative of what the figures say and why they moved.`,
          late ? addDays(deadline, 6) : addDays(deadline, -3),
          late,
        ],
      );
      for (const indicator of asked) {
        const outOfPeriod = latest && agency.id === icb && indicator.code === 'CLA_HEALTH';
        const period = outOfPeriod ? addQuarters(quarter, -1) : quarter;
        const value =
          latest && indicator.code === 'CPP_SEXUAL'
            ? 3
            : figureFor(indicator, period, anchorIndex, agency.kind);
        await tx.query(
          `INSERT INTO data_figures (partnership_id, submission_id, indicator_id, agency_id, period_starts_on, value, current)
           VALUES ($1, $2, $3, $4, $5, $6, NOT EXISTS (SELECT 1 FROM data_figures WHERE indicator_id = $3
             AND agency_id = $4 AND period_starts_on = $5 AND current))`,
          [partnershipId, (submission as { id: string }).id, indicator.id, agency.id, period, value],
        );
      }
    }
  }
  await rebuildHeadlines(tx, partnershipId);
  await countAllAnswers(tx, partnershipId);
}

function figureFor(indicator: Indicator, period: string, anchorIndex: number, kind: string) {
  if (period === PUBLISHED_QUARTER && indicator.code in ANCHORS && indicator.code !== 'TRAINED')
    return ANCHORS[indicator.code] as number;
  const value = plausible(indicator.code, indicator.unit, quarterIndex(period), anchorIndex);
  if (indicator.code === 'TRAINED' && kind === 'relevant-agency') return Math.max(6, Math.round(value / 4));
  return value;
}

/** Comparators the 2020-21 report gives: children looked after per 10,000 children. */
async function insertBenchmarks(tx: Queryable, partnershipId: string, byCode: Map<string, Indicator>) {
  const cla = byCode.get('CLA');
  if (!cla) return;
  for (const f of TOWER_HAMLETS_FIGURES.filter((x) => x.key === 'CLA_RATE')) {
    const kind = f.area === 'England' ? 'england' : f.area === 'London' ? 'region' : 'area';
    const code = kind === 'england' ? 'E92000001' : kind === 'region' ? 'E12000007' : 'E09000030';
    const year = Number(f.period.slice(0, 4));
    await tx.query(
      `INSERT INTO benchmark_values (partnership_id, indicator_id, area_kind, area_code, area_name, period, period_ends_on, value)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        partnershipId,
        cla.id,
        kind,
        code,
        f.area,
        `${year - 1}/${String(year % 100).padStart(2, '0')}`,
        f.period,
        f.value,
      ],
    );
  }
}

const quarterIndex = (q: string) => Number(q.slice(0, 4)) * 4 + Math.floor((Number(q.slice(5, 7)) - 1) / 3);
function addDays(day: string, n: number) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
/** The deadline of a quarter's call: the last day of the month after the quarter ends. */
function endOfMonthAfter(quarter: string) {
  const next = addQuarters(quarter, 1);
  const d = new Date(`${next}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}
