/**
 * What a case's audit entries keep. The audit log is append-only and read by roles that may not
 * see case material (the operator), so an entry about a case records which fields changed and its
 * dates, codes and ids — never the words of the case: free text is replaced by its length, and the
 * people involved by their ids.
 */
const CASE_TEXT_KEYS = new Set([
  'summary',
  'immediateLearning',
  'recommendationReasons',
  'decisionReasons',
  'reasons',
  'termsOfReference',
  'familyEngagement',
  'improvementsSummary',
  'notPublishedReasons',
  'caseInBrief',
  'whatWeLearnt',
  'doDifferently',
  'questions',
  'text',
  'notes',
  'response',
  'overrideReason',
]);

export function redactCaseText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactCaseText);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      if (CASE_TEXT_KEYS.has(key) && typeof v === 'string') return [key, v ? `[${v.length} characters]` : ''];
      if (key === 'people' && Array.isArray(v))
        return [key, v.map((p) => (p && typeof p === 'object' && 'id' in p ? { id: p.id } : p))];
      return [key, redactCaseText(v)];
    }),
  );
}
