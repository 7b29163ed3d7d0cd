import type { Queryable } from '../src/db/database.ts';
import { countAllAnswers, rebuildHeadlines } from '../src/features/data/calls-repo.ts';

/**
 * The data dashboard at scale (issue 7): `indicators` indicators, each asked of every one of the
 * partnership's agencies, with a data call every quarter for `quarters` quarters and every agency's
 * submitted figure for every indicator in every quarter, all current: indicators × quarters × agencies
 * figures. The last call's quarter is the one before the current one.
 */
export async function insertDataDashboard(
  tx: Queryable,
  ids: { partnershipId: string; agencies: number; themes: number; id: (kind: string, n: string) => string },
  shape: { indicators: number; quarters: number },
) {
  const { partnershipId, id } = ids;
  const quarter = (q: string) =>
    `(date_trunc('quarter', current_date) - make_interval(months => 3 * (${q})))::date`;
  await tx.query(
    `INSERT INTO indicators (id, partnership_id, code, name, definition, unit, polarity, agency_id, asked_of, per_10k,
       published, change_threshold)
     SELECT ${id('indicator', 'i')}, $1::uuid, 'IND_' || i, 'Indicator ' || i || ' of the partnership',
       'What indicator ' || i || ' counts', (ARRAY['count', 'count', 'count', 'count', 'count', 'count', 'count',
         'percentage', 'percentage', 'days'])[1 + i % 10],
       (ARRAY['higher', 'lower', 'neither'])[1 + i % 3], ${id('agency', '1 + i % $3::int')}, 'every-partner',
       i % 10 < 3, i % 2 = 0, 10
     FROM generate_series(1, $2::int) i`,
    [partnershipId, shape.indicators, ids.agencies],
  );
  await tx.query(
    `INSERT INTO indicator_themes (partnership_id, indicator_id, theme_id)
     SELECT $1::uuid, ${id('indicator', 'i')}, ${id('theme', '1 + i % $3::int')} FROM generate_series(1, $2::int) i`,
    [partnershipId, shape.indicators, ids.themes],
  );
  await tx.query(
    `INSERT INTO child_populations (partnership_id, year, children, source)
     SELECT $1::uuid, y, 70000 + y, 'Benchmark data' FROM generate_series(extract(year FROM current_date)::int - 12,
       extract(year FROM current_date)::int) y`,
    [partnershipId],
  );
  await tx.query(
    `INSERT INTO data_calls (id, partnership_id, quarter_starts_on, deadline, opened_on)
     SELECT ${id('data-call', 'q')}, $1::uuid, ${quarter('q')}, ${quarter('q - 1')} + 30, ${quarter('q - 1')}
     FROM generate_series(1, $2::int) q`,
    [partnershipId, shape.quarters],
  );
  await tx.query(
    `INSERT INTO data_submissions (id, partnership_id, call_id, agency_id, status, submitted_on, late, updated_by)
     SELECT ${id('data-submission', 'q * 10000 + a')}, $1::uuid, ${id('data-call', 'q')}, ${id('agency', 'a')},
       'submitted', ${quarter('q - 1')} + 20 + a % 15, a % 15 > 10, 'benchmark'
     FROM generate_series(1, $2::int) q, generate_series(1, $3::int) a`,
    [partnershipId, shape.quarters, ids.agencies],
  );
  for (let q = 1; q <= shape.quarters; q += 1)
    await tx.query(
      `INSERT INTO data_figures (partnership_id, submission_id, indicator_id, agency_id, period_starts_on, value, current)
       SELECT $1::uuid, ${id('data-submission', '$2::int * 10000 + a')}, ${id('indicator', 'i')}, ${id('agency', 'a')},
         ${quarter('$2::int')}, CASE WHEN i % 10 IN (7, 8) THEN (40 + (i * 7 + a * 3 + $2::int * 5) % 60)
           ELSE (i * 13 + a * 7 + $2::int * 11) % 400 END, true
       FROM generate_series(1, $3::int) a, generate_series(1, $4::int) i`,
      [partnershipId, q, ids.agencies, shape.indicators],
    );
  await rebuildHeadlines(tx, partnershipId);
  await countAllAnswers(tx, partnershipId);
}
