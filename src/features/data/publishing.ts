/**
 * What the published view shows of each figure (DOMAIN.md): counts from 1 to the threshold as `c`,
 * with secondary suppression inside a total's breakdown; a percentage of a count as `c` when the
 * children it stands for are that few, or its base is hidden; a rate as `c` when its count is hidden,
 * `:` when it cannot be worked out, `z` when the figure is not a count of children. Pure: no I/O.
 *
 * A published total's unpublished parts are given too (published false): never shown, they still
 * count in its breakdown, or the one small part left unpublished could be had by subtraction.
 */
import { formatValue, isSmallCount, publishedCount, SYMBOL, suppressGroup, type Unit } from './statistics.ts';

export type PublishRow = {
  id: string;
  unit: Unit;
  /** The total a count is part of, or the count a percentage is of. */
  partOfId: string | null;
  period: string | null;
  value: number | null;
  per10k: boolean;
  rateText: string | null;
  /** Shown in the published view; an unpublished row is given only as a published total's part. */
  published: boolean;
};
export type PublishedCell = { value: string; rate: string };

/** The published rows' cells, by id. */
export function publishRows(rows: readonly PublishRow[], upTo: number): Map<string, PublishedCell> {
  const values = new Map<string, string>();
  for (const row of rows)
    values.set(
      row.id,
      row.unit === 'count' ? publishedCount(row.value, upTo) : formatValue(row.value, row.unit),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Counts that break a total down: hidden together, so that no hidden count can be worked out.
  for (const total of rows) {
    if (total.unit !== 'count' || total.partOfId !== null || !total.published) continue;
    const parts = rows.filter(
      (r) => r.unit === 'count' && r.partOfId === total.id && r.period === total.period,
    );
    if (!parts.length) continue;
    const group = suppressGroup(
      total.value,
      parts.map((p) => p.value),
      upTo,
    );
    values.set(total.id, group.total);
    parts.forEach((part, i) => {
      values.set(part.id, group.parts[i] as string);
    });
  }
  // A percentage of a count stands for children too: 10% of 40 is 4.
  for (const row of rows) {
    if (row.unit !== 'percentage' || row.partOfId === null || row.value === null) continue;
    const base = byId.get(row.partOfId);
    if (!base || base.period !== row.period) continue;
    const baseHidden = values.get(base.id) === SYMBOL.suppressed;
    const children = base.value === null ? null : Math.round((row.value * base.value) / 100);
    if (baseHidden || isSmallCount(children, upTo)) values.set(row.id, SYMBOL.suppressed);
  }
  const cells = new Map<string, PublishedCell>();
  for (const row of rows) {
    if (!row.published) continue;
    const value = values.get(row.id) as string;
    const rate = !row.per10k
      ? SYMBOL.notApplicable
      : value === SYMBOL.suppressed
        ? SYMBOL.suppressed
        : (row.rateText ?? SYMBOL.notAvailable);
    cells.set(row.id, { value, rate });
  }
  return cells;
}
