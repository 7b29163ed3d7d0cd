/**
 * How a figure compares with an earlier one, and whether the change is an exception for the QA and
 * Performance group. Pure: no I/O.
 */

export const POLARITIES = ['higher', 'lower', 'neither'] as const;
export type Polarity = (typeof POLARITIES)[number];
export const POLARITY_LABELS: Record<Polarity, string> = {
  higher: 'Higher is better',
  lower: 'Lower is better',
  neither: 'Neither: higher is not better or worse',
};

export type Direction = 'up' | 'down' | 'same';
/** Whether a change is good news, read by the indicator's polarity. */
export type Judgement = 'better' | 'worse' | 'no-change' | 'no-judgement';

export type Change = {
  /** The difference, current minus earlier. */
  difference: number;
  /** The difference as a percentage of the earlier value; null when that was zero. */
  percent: number | null;
  direction: Direction;
  judgement: Judgement;
};

/** Rounded to `places` decimals, so float noise (0.1 + 0.2) never shows or tips a comparison. */
const round = (value: number, places: number) => {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
};

export function judge(direction: Direction, polarity: Polarity): Judgement {
  if (direction === 'same') return 'no-change';
  if (polarity === 'neither') return 'no-judgement';
  return (direction === 'up') === (polarity === 'higher') ? 'better' : 'worse';
}

/** The change from `earlier` to `current`; null when either is missing. */
export function changeOf(current: number | null, earlier: number | null, polarity: Polarity): Change | null {
  if (current === null || earlier === null) return null;
  const difference = round(current - earlier, 6);
  const direction: Direction = difference > 0 ? 'up' : difference < 0 ? 'down' : 'same';
  return {
    difference,
    percent: earlier === 0 ? null : round((difference / earlier) * 100, 1),
    direction,
    judgement: judge(direction, polarity),
  };
}

export type Thresholds = {
  changeThreshold: number | null;
  alertAbove: number | null;
  alertBelow: number | null;
};

/**
 * Why a figure is an exception, in words, or nothing: a change from the previous quarter of more
 * than the indicator's threshold (per cent), or a value beyond either of its limits.
 */
export function exceptionReasons(
  thresholds: Thresholds,
  current: number | null,
  previous: number | null,
): string[] {
  if (current === null) return [];
  const reasons: string[] = [];
  const change = changeOf(current, previous, 'neither');
  if (thresholds.changeThreshold !== null && change?.percent != null) {
    if (Math.abs(change.percent) > thresholds.changeThreshold) {
      const way = change.direction === 'up' ? 'Rose' : 'Fell';
      reasons.push(
        `${way} ${Math.abs(change.percent)}% from the previous quarter (threshold ${thresholds.changeThreshold}%)`,
      );
    }
  }
  if (thresholds.alertAbove !== null && current > thresholds.alertAbove)
    reasons.push(`Above the limit of ${thresholds.alertAbove}`);
  if (thresholds.alertBelow !== null && current < thresholds.alertBelow)
    reasons.push(`Below the limit of ${thresholds.alertBelow}`);
  return reasons;
}
