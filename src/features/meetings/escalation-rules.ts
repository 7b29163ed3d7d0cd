/** Pure rules of the escalation tracker: statuses, the moves between them, age, and what a pack lists. */

export const ESCALATION_STATUSES = ['open', 'considered', 'responded', 'closed'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];
export const ESCALATION_STATUS_LABELS: Record<EscalationStatus, string> = {
  open: 'Open',
  considered: 'Considered',
  responded: 'Responded',
  closed: 'Closed',
};

/**
 * Where an escalation may go from each status. It moves forward only: the executive considers it,
 * responds (with a response and decision), and it is closed; it may be responded to or closed (for
 * example, withdrawn) without a separate "considered" step. A closed escalation takes no decision.
 */
const MOVES: Record<EscalationStatus, readonly EscalationStatus[]> = {
  open: ['considered', 'responded', 'closed'],
  considered: ['responded', 'closed'],
  responded: ['closed'],
  closed: [],
};

export const nextStatuses = (status: EscalationStatus) => MOVES[status];

export type Move = { to: EscalationStatus; onDate: string; response: string; decision: string };

/** Why a move can't be made, as field errors, or none. */
export function moveProblems(
  escalation: { status: EscalationStatus; raisedOn: string },
  move: Move,
  today: string,
): { field: string; message: string }[] {
  if (escalation.status === 'closed') {
    return [{ field: 'to', message: 'This escalation is closed: it takes no further response or decision' }];
  }
  const problems: { field: string; message: string }[] = [];
  if (!MOVES[escalation.status].includes(move.to)) {
    problems.push({
      field: 'to',
      message: `An escalation that is ${ESCALATION_STATUS_LABELS[escalation.status].toLowerCase()} can’t become ${ESCALATION_STATUS_LABELS[move.to].toLowerCase()}`,
    });
  }
  if (move.to === 'responded') {
    if (!move.response.trim())
      problems.push({ field: 'response', message: 'Enter the executive’s response' });
    if (!move.decision.trim())
      problems.push({ field: 'decision', message: 'Enter what the executive decided' });
  }
  if (move.onDate < escalation.raisedOn) {
    problems.push({ field: 'onDate', message: 'The date can’t be before the escalation was raised' });
  } else if (move.onDate > today) {
    problems.push({ field: 'onDate', message: 'The date can’t be in the future' });
  }
  return problems;
}

/** Whole days from raising to today, or to the day it was answered or closed. */
export function ageInDays(
  escalation: { raisedOn: string; respondedOn: string | null; closedOn: string | null },
  today: string,
): number {
  const end = escalation.respondedOn ?? escalation.closedOn ?? today;
  return Math.max(
    0,
    Math.round(
      (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${escalation.raisedOn}T00:00:00Z`)) / 86_400_000,
    ),
  );
}
