import type { Queryable } from '../../db/database.ts';
import type { SettingsInput } from './schemas.ts';
import { DEFAULT_SUPPRESS_UP_TO } from './statistics.ts';

export type DataSettings = SettingsInput;
export const DEFAULT_SETTINGS: DataSettings = {
  suppressUpTo: DEFAULT_SUPPRESS_UP_TO,
  areaCode: '',
  regionName: 'London',
  regionCode: '',
  neighbourCodes: [],
};

export async function findSettings(db: Queryable, partnershipId: string): Promise<DataSettings> {
  const rows = await db.query<DataSettings>(
    `SELECT suppress_up_to AS "suppressUpTo", area_code AS "areaCode", region_name AS "regionName",
       region_code AS "regionCode", neighbour_codes AS "neighbourCodes"
     FROM data_settings WHERE partnership_id = $1`,
    [partnershipId],
  );
  return rows[0] ?? DEFAULT_SETTINGS;
}

export async function saveSettings(db: Queryable, partnershipId: string, input: SettingsInput) {
  await db.query(
    `INSERT INTO data_settings (partnership_id, suppress_up_to, area_code, region_name, region_code, neighbour_codes)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (partnership_id) DO UPDATE SET suppress_up_to = excluded.suppress_up_to,
       area_code = excluded.area_code, region_name = excluded.region_name, region_code = excluded.region_code,
       neighbour_codes = excluded.neighbour_codes, updated_at = now()`,
    [
      partnershipId,
      input.suppressUpTo,
      input.areaCode,
      input.regionName,
      input.regionCode,
      input.neighbourCodes,
    ],
  );
}

export type Population = { year: number; children: number; source: string };

/** The area's child population by year: one row a year, so always small. */
export function populations(db: Queryable, partnershipId: string) {
  return db.query<Population>(
    'SELECT year, children, source FROM child_populations WHERE partnership_id = $1 ORDER BY year',
    [partnershipId],
  );
}

export async function savePopulation(db: Queryable, partnershipId: string, input: Population) {
  await db.query(
    `INSERT INTO child_populations (partnership_id, year, children, source) VALUES ($1, $2, $3, $4)
     ON CONFLICT (partnership_id, year) DO UPDATE SET children = excluded.children, source = excluded.source`,
    [partnershipId, input.year, input.children, input.source],
  );
}

export type BenchmarkValue = {
  indicatorId: string;
  areaKind: 'area' | 'england' | 'region' | 'neighbour';
  areaCode: string;
  areaName: string;
  period: string;
  periodEndsOn: string;
  value: number;
};

/** Adds benchmark values, replacing any for the same indicator, area and period. */
export async function upsertBenchmarks(db: Queryable, partnershipId: string, values: BenchmarkValue[]) {
  const CHUNK = 5_000;
  for (let start = 0; start < values.length; start += CHUNK) {
    const chunk = values.slice(start, start + CHUNK);
    await db.query(
      `INSERT INTO benchmark_values (partnership_id, indicator_id, area_kind, area_code, area_name, period,
         period_ends_on, value)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::numeric[])
       ON CONFLICT (indicator_id, area_code, period_ends_on) DO UPDATE SET area_kind = excluded.area_kind,
         area_name = excluded.area_name, period = excluded.period, value = excluded.value`,
      [
        partnershipId,
        chunk.map((v) => v.indicatorId),
        chunk.map((v) => v.areaKind),
        chunk.map((v) => v.areaCode),
        chunk.map((v) => v.areaName),
        chunk.map((v) => v.period),
        chunk.map((v) => v.periodEndsOn),
        chunk.map((v) => v.value),
      ],
    );
  }
}

/** How many benchmark values each kind of area has, for the settings page. */
export function benchmarkCounts(db: Queryable, partnershipId: string) {
  return db.query<{ areaKind: string; areas: number; values: number }>(
    `SELECT area_kind AS "areaKind", count(DISTINCT area_code)::int AS areas, count(*)::int AS values
     FROM benchmark_values WHERE partnership_id = $1 GROUP BY area_kind ORDER BY area_kind`,
    [partnershipId],
  );
}

/** The names the benchmarks give the statistical neighbours, by code, for the settings page. */
export function neighbourNames(db: Queryable, partnershipId: string, codes: string[]) {
  return db.query<{ code: string; name: string }>(
    `SELECT DISTINCT ON (area_code) area_code AS code, area_name AS name FROM benchmark_values
     WHERE partnership_id = $1 AND area_code = ANY($2::text[]) ORDER BY area_code, period_ends_on DESC`,
    [partnershipId, codes],
  );
}
