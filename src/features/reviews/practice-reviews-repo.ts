import type { Queryable } from '../../db/database.ts';
import type { LearningEventKind, ReviewMethod } from './practice-review-rules.ts';
import type { BriefingInput, PracticeReviewInput } from './schemas.ts';

export type PracticeReview = {
  methods: ReviewMethod[];
  termsOfReference: string;
  familyEngagement: string;
  themes: string[];
  plannedPublicationOn: string | null;
  completedOn: string | null;
  sentToPanelOn: string | null;
  publishedOn: string | null;
  improvementsPublishedOn: string | null;
  improvementsSummary: string;
  notPublishedReasons: string;
};

const REVIEW_COLUMNS = `methods, terms_of_reference AS "termsOfReference", family_engagement AS "familyEngagement",
  themes, planned_publication_on AS "plannedPublicationOn", completed_on AS "completedOn",
  sent_to_panel_on AS "sentToPanelOn", published_on AS "publishedOn",
  improvements_published_on AS "improvementsPublishedOn", improvements_summary AS "improvementsSummary",
  not_published_reasons AS "notPublishedReasons"`;

export async function findReview(db: Queryable, partnershipId: string, incidentId: string) {
  const rows = await db.query<PracticeReview>(
    `SELECT ${REVIEW_COLUMNS} FROM practice_reviews WHERE partnership_id = $1 AND incident_id = $2`,
    [partnershipId, incidentId],
  );
  return rows[0] ?? null;
}

export async function saveReview(
  db: Queryable,
  partnershipId: string,
  incidentId: string,
  r: Omit<PracticeReviewInput, 'confirmNoPersonalData'>,
) {
  await db.query(
    `INSERT INTO practice_reviews (partnership_id, incident_id, methods, terms_of_reference, family_engagement, themes,
       planned_publication_on, completed_on, sent_to_panel_on, published_on, improvements_published_on,
       improvements_summary, not_published_reasons)
     VALUES ($1, $2, $3::text[], $4, $5, $6::text[], $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (incident_id) DO UPDATE SET methods = EXCLUDED.methods,
       terms_of_reference = EXCLUDED.terms_of_reference, family_engagement = EXCLUDED.family_engagement,
       themes = EXCLUDED.themes, planned_publication_on = EXCLUDED.planned_publication_on,
       completed_on = EXCLUDED.completed_on, sent_to_panel_on = EXCLUDED.sent_to_panel_on,
       published_on = EXCLUDED.published_on, improvements_published_on = EXCLUDED.improvements_published_on,
       improvements_summary = EXCLUDED.improvements_summary, not_published_reasons = EXCLUDED.not_published_reasons,
       updated_at = now()`,
    [
      partnershipId,
      incidentId,
      r.methods,
      r.termsOfReference,
      r.familyEngagement,
      r.themes,
      r.plannedPublicationOn,
      r.completedOn,
      r.sentToPanelOn,
      r.publishedOn,
      r.improvementsPublishedOn,
      r.improvementsSummary,
      r.notPublishedReasons,
    ],
  );
}

export type Recommendation = { id: string; theme: string; recommendation: string; response: string };

export async function findRecommendation(
  db: Queryable,
  partnershipId: string,
  incidentId: string,
  id: string,
) {
  const rows = await db.query<Recommendation>(
    `SELECT id, theme, recommendation, response FROM review_recommendations
     WHERE partnership_id = $1 AND incident_id = $2 AND id = $3`,
    [partnershipId, incidentId, id],
  );
  return rows[0] ?? null;
}

export async function insertRecommendation(
  db: Queryable,
  partnershipId: string,
  incidentId: string,
  r: Omit<Recommendation, 'id'>,
) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO review_recommendations (partnership_id, incident_id, theme, recommendation, response)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [partnershipId, incidentId, r.theme, r.recommendation, r.response],
  );
  return (rows[0] as { id: string }).id;
}

export type ReviewDocument = {
  id: string;
  kind: 'draft' | 'final';
  filename: string;
  contentType: string;
  sizeBytes: number;
  /** When, as an ISO timestamp (the review's parts come as JSON). */
  uploadedAt: string;
  /** The uploader's name. */
  uploadedBy: string | null;
};

export async function insertDocument(
  db: Queryable,
  partnershipId: string,
  incidentId: string,
  d: { kind: 'draft' | 'final'; filename: string; contentType: string; content: Buffer; uploadedBy: string },
) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO review_documents (partnership_id, incident_id, kind, filename, content_type, size_bytes, content,
       uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [partnershipId, incidentId, d.kind, d.filename, d.contentType, d.content.length, d.content, d.uploadedBy],
  );
  return (rows[0] as { id: string }).id;
}

export async function findDocumentContent(
  db: Queryable,
  partnershipId: string,
  incidentId: string,
  id: string,
) {
  const rows = await db.query<{ filename: string; contentType: string; content: Uint8Array }>(
    `SELECT filename, content_type AS "contentType", content FROM review_documents
      WHERE partnership_id = $1 AND incident_id = $2 AND id = $3`,
    [partnershipId, incidentId, id],
  );
  return rows[0] ?? null;
}

export type LearningEvent = {
  id: string;
  kind: LearningEventKind;
  heldOn: string;
  notes: string;
  attendees: { id: string; name: string; agencyName: string }[];
};

/** Adds an event and its attendance; returns how many of the people were this partnership's. */
export async function insertEvent(
  db: Queryable,
  partnershipId: string,
  incidentId: string,
  e: { kind: LearningEventKind; heldOn: string; notes: string; personIds: string[] },
) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO learning_events (partnership_id, incident_id, kind, held_on, notes)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [partnershipId, incidentId, e.kind, e.heldOn, e.notes],
  );
  const id = (rows[0] as { id: string }).id;
  if (e.personIds.length === 0) return { id, attendees: 0 };
  const kept = await db.query(
    `INSERT INTO learning_event_attendance (partnership_id, event_id, person_id)
     SELECT $1, $2, p.id FROM people p WHERE p.partnership_id = $1 AND p.id = ANY($3::uuid[]) RETURNING person_id`,
    [partnershipId, id, e.personIds],
  );
  return { id, attendees: kept.length };
}

export type Briefing = {
  id: string;
  incidentId: string;
  title: string;
  caseInBrief: string;
  whatWeLearnt: string;
  doDifferently: string;
  questions: string;
  publishedOn: string | null;
  pseudonym: string;
};

const BRIEFING_COLUMNS = `b.id, b.incident_id AS "incidentId", b.title, b.case_in_brief AS "caseInBrief",
  b.what_we_learnt AS "whatWeLearnt", b.do_differently AS "doDifferently", b.questions,
  b.published_on AS "publishedOn", i.pseudonym`;
const BRIEFING_FROM =
  'FROM briefings b JOIN incidents i ON i.partnership_id = b.partnership_id AND i.id = b.incident_id';

export async function findBriefing(db: Queryable, partnershipId: string, incidentId: string) {
  const rows = await db.query<Briefing>(
    `SELECT ${BRIEFING_COLUMNS} ${BRIEFING_FROM} WHERE b.partnership_id = $1 AND b.incident_id = $2`,
    [partnershipId, incidentId],
  );
  return rows[0] ?? null;
}

export async function saveBriefing(
  db: Queryable,
  partnershipId: string,
  incidentId: string,
  b: Omit<BriefingInput, 'confirmNoPersonalData'>,
) {
  await db.query(
    `INSERT INTO briefings (partnership_id, incident_id, title, case_in_brief, what_we_learnt, do_differently, questions)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (incident_id) DO UPDATE SET title = EXCLUDED.title, case_in_brief = EXCLUDED.case_in_brief,
       what_we_learnt = EXCLUDED.what_we_learnt, do_differently = EXCLUDED.do_differently,
       questions = EXCLUDED.questions, updated_at = now()`,
    [partnershipId, incidentId, b.title, b.caseInBrief, b.whatWeLearnt, b.doDifferently, b.questions],
  );
}

export async function setBriefingPublished(
  db: Queryable,
  partnershipId: string,
  incidentId: string,
  publishedOn: string | null,
) {
  await db.query(
    'UPDATE briefings SET published_on = $3, updated_at = now() WHERE partnership_id = $1 AND incident_id = $2',
    [partnershipId, incidentId, publishedOn],
  );
}

/** Published briefings, newest first: learning for practitioners and the public, not case material. */
export async function listPublishedBriefings(
  db: Queryable,
  partnershipId: string,
  page: { after: { key: string; id: string } | null; limit: number },
) {
  const params: unknown[] = [partnershipId];
  let keyset = '';
  if (page.after) {
    params.push(page.after.key, page.after.id);
    keyset = 'AND (b.published_on, b.id) < ($2::date, $3::uuid)';
  }
  params.push(page.limit + 1);
  return db.query<Briefing>(
    `SELECT ${BRIEFING_COLUMNS} ${BRIEFING_FROM}
      WHERE b.partnership_id = $1 AND b.published_on IS NOT NULL ${keyset}
      ORDER BY b.published_on DESC, b.id DESC LIMIT $${params.length}`,
    params,
  );
}

export async function findPublishedBriefing(db: Queryable, partnershipId: string, id: string) {
  const rows = await db.query<Briefing>(
    `SELECT ${BRIEFING_COLUMNS} ${BRIEFING_FROM}
      WHERE b.partnership_id = $1 AND b.id = $2 AND b.published_on IS NOT NULL`,
    [partnershipId, id],
  );
  return rows[0] ?? null;
}

/** A practice review with its recommendations, report files, learning events and briefing, in one query. */
export async function findReviewDetails(db: Queryable, partnershipId: string, incidentId: string) {
  const rows = await db.query<{
    review: PracticeReview | null;
    recommendations: Recommendation[];
    documents: ReviewDocument[];
    events: LearningEvent[];
    briefing: Briefing | null;
  }>(
    `SELECT
       (SELECT row_to_json(r) FROM (SELECT ${REVIEW_COLUMNS} FROM practice_reviews
          WHERE partnership_id = $1 AND incident_id = $2) r) AS review,
       coalesce((SELECT json_agg(json_build_object('id', x.id, 'theme', x.theme, 'recommendation', x.recommendation,
            'response', x.response) ORDER BY x.created_at, x.id)
          FROM review_recommendations x WHERE x.partnership_id = $1 AND x.incident_id = $2), '[]'::json) AS recommendations,
       coalesce((SELECT json_agg(json_build_object('id', d.id, 'kind', d.kind, 'filename', d.filename,
            'contentType', d.content_type, 'sizeBytes', d.size_bytes, 'uploadedAt', d.uploaded_at, 'uploadedBy', u.name)
            ORDER BY d.uploaded_at, d.id)
          FROM review_documents d LEFT JOIN users u ON u.id = d.uploaded_by
         WHERE d.partnership_id = $1 AND d.incident_id = $2), '[]'::json) AS documents,
       coalesce((SELECT json_agg(json_build_object('id', e.id, 'kind', e.kind, 'heldOn', e.held_on, 'notes', e.notes,
            'attendees', coalesce((SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'agencyName', a.name)
                 ORDER BY p.name)
               FROM learning_event_attendance x JOIN people p ON p.partnership_id = x.partnership_id AND p.id = x.person_id
               JOIN agencies a ON a.partnership_id = p.partnership_id AND a.id = p.agency_id
              WHERE x.event_id = e.id), '[]'::json)) ORDER BY e.held_on, e.id)
          FROM learning_events e WHERE e.partnership_id = $1 AND e.incident_id = $2), '[]'::json) AS events,
       (SELECT row_to_json(b) FROM (SELECT ${BRIEFING_COLUMNS} ${BRIEFING_FROM}
          WHERE b.partnership_id = $1 AND b.incident_id = $2) b) AS briefing`,
    [partnershipId, incidentId],
  );
  return rows[0] as NonNullable<(typeof rows)[number]>;
}
