/** Pure rules of the emerging-risks log. */

export const RISK_STATUSES = ['open', 'managed', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];
export const RISK_STATUS_LABELS: Record<RiskStatus, string> = {
  open: 'Open',
  managed: 'Being managed',
  closed: 'Closed',
};

/** A risk still open whose review date has passed needs looking at again. */
export function reviewOverdue(risk: { status: RiskStatus; reviewOn: string | null }, today: string): boolean {
  return risk.status !== 'closed' && risk.reviewOn !== null && risk.reviewOn < today;
}

/** Why a risk can't be escalated now, or null: once only, and not when closed. */
export function escalationRefusal(risk: { status: RiskStatus; escalationId: string | null }): string | null {
  if (risk.escalationId) return 'This risk has already been escalated to the executive';
  if (risk.status === 'closed') return 'A closed risk can’t be escalated';
  return null;
}

/** The escalation a risk becomes: its words carried over, so the executive sees the whole picture. */
export function escalationFromRisk(
  risk: { number: number; title: string; description: string; response: string },
  ask: string,
): { title: string; issue: string; ask: string } {
  const response = risk.response.trim() ? `\n\nResponse so far: ${risk.response.trim()}` : '';
  return {
    title: risk.title,
    issue: `Emerging risk RISK-${risk.number}. ${risk.description.trim()}${response}`,
    ask,
  };
}
