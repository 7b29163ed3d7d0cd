import type { Database, Queryable } from '../../db/database.ts';
import { changedFields } from '../../platform/audit/audit.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import { checkUpload, type UploadedFile } from '../../platform/files/uploads.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { HttpError, invalid, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { auditCase, loadCase, refreshClocks, reviewDatesFrom } from './case-access.ts';
import * as incidents from './incidents-repo.ts';
import { FREE_TEXT, personalDataErrors } from './personal-data.ts';
import {
  learningEventRefusal,
  practiceReviewRefusal,
  reviewErrors,
  worksOnReview,
} from './practice-review-rules.ts';
import * as repo from './practice-reviews-repo.ts';
import type { BriefingInput, PracticeReviewInput } from './schemas.ts';

/** A review's report: a PDF or a Word document, checked by content. */
const REPORT_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
};

const EMPTY_REVIEW: repo.PracticeReview = {
  methods: [],
  termsOfReference: '',
  familyEngagement: '',
  themes: [],
  plannedPublicationOn: null,
  completedOn: null,
  sentToPanelOn: null,
  publishedOn: null,
  improvementsPublishedOn: null,
  improvementsSummary: '',
  notPublishedReasons: '',
};

async function mayWorkOnReview(tx: Queryable, ctx: RequestContext, id: string) {
  if (!worksOnReview(ctx.user, await incidents.listTeam(tx, ctx.partnershipId, id)))
    throw new HttpError(
      403,
      'Only the business unit and the case’s reviewers and author can work on its review',
    );
}

type Scope = Pick<RequestContext, 'partnershipId'>;

/** Published learning carries the case's pseudonym and nothing else of the case: not its id. */
const asPublished = ({ incidentId: _, ...briefing }: repo.Briefing) => briefing;

/** A case with no practice review (not an LCSPR or a legacy SCR) has none of its parts. */
const NO_REVIEW = {
  review: null,
  recommendations: [] as repo.Recommendation[],
  documents: [] as repo.ReviewDocument[],
  events: [] as repo.LearningEvent[],
  briefing: null,
};

export function createPracticeReviewService(db: Database) {
  /** Loads a case this user may work on the review of, which must be one that has a review. */
  async function loadForReview(tx: Queryable, ctx: RequestContext, id: string) {
    const incident = await loadCase(tx, ctx, id);
    await mayWorkOnReview(tx, ctx, id);
    const refusal = practiceReviewRefusal(incident);
    if (refusal) throw invalid([{ field: 'review', message: refusal }]);
    return incident;
  }

  return {
    /** The review and its learning products, for a case the caller has already loaded. */
    async details(
      tx: Queryable,
      scope: Scope,
      incident: { id: string; kind: string; decision: string | null },
    ) {
      const id = incident.id;
      if (practiceReviewRefusal(incident) !== null) return NO_REVIEW;
      return repo.findReviewDetails(tx, scope.partnershipId, id);
    },

    async save(ctx: RequestContext, id: string, input: PracticeReviewInput) {
      return db.transaction(async (tx) => {
        await incidents.lockIncident(tx, ctx.partnershipId, id);
        const incident = await loadForReview(tx, ctx, id);
        const errors = [
          ...reviewErrors(input, incident, todayInLondon()),
          ...personalDataErrors(input, FREE_TEXT.review, input.confirmNoPersonalData),
        ];
        if (errors.length > 0) throw invalid(errors);
        const before = (await repo.findReview(tx, ctx.partnershipId, id)) ?? EMPTY_REVIEW;
        const { confirmNoPersonalData: _, ...review } = input;
        await repo.saveReview(tx, ctx.partnershipId, id, review);
        await refreshClocks(tx, ctx.partnershipId, id);
        const after = (await repo.findReview(tx, ctx.partnershipId, id)) as repo.PracticeReview;
        await auditCase(tx, ctx, 'practice-review.saved', id, changedFields(before, after));
        return after;
      });
    },

    async addRecommendation(ctx: RequestContext, id: string, input: Omit<repo.Recommendation, 'id'>) {
      return db.transaction(async (tx) => {
        await loadForReview(tx, ctx, id);
        const recId = await repo.insertRecommendation(tx, ctx.partnershipId, id, input);
        await auditCase(tx, ctx, 'practice-review.recommendation-added', id, {
          after: { id: recId, ...input },
        });
        return recId;
      });
    },

    /** A draft or the final report: a PDF or Word file, checked by its content. */
    async addDocument(
      ctx: RequestContext,
      id: string,
      kind: 'draft' | 'final',
      file: UploadedFile | undefined,
    ) {
      const checked = await checkUpload(file, REPORT_TYPES);
      if (!checked.ok) throw invalid([{ field: 'file', message: checked.message }]);
      const upload = file as UploadedFile;
      return db.transaction(async (tx) => {
        await loadForReview(tx, ctx, id);
        const docId = await repo.insertDocument(tx, ctx.partnershipId, id, {
          kind,
          filename: upload.filename,
          contentType: checked.mediaType,
          content: upload.data,
          uploadedBy: ctx.user.id,
        });
        await auditCase(tx, ctx, 'practice-review.document-added', id, {
          after: { id: docId, kind, filename: upload.filename, sizeBytes: upload.data.length },
        });
        return docId;
      });
    },

    /** A report file, to someone who may see the case; the download is audited. */
    async document(ctx: RequestContext, id: string, documentId: string) {
      return db.transaction(async (tx) => {
        await loadCase(tx, ctx, id);
        const doc = await repo.findDocumentContent(tx, ctx.partnershipId, id, documentId);
        if (!doc) throw notFound('Document');
        await auditCase(tx, ctx, 'practice-review.document-downloaded', id, { after: { documentId } });
        return { filename: doc.filename, mediaType: doc.contentType, content: doc.content };
      });
    },

    /** A learning session, follow-up workshop or reflection session that was held, with who came. */
    async addEvent(
      ctx: RequestContext,
      id: string,
      input: { kind: repo.LearningEvent['kind']; heldOn: string; notes: string; personIds: string[] },
    ) {
      return db.transaction(async (tx) => {
        await incidents.lockIncident(tx, ctx.partnershipId, id);
        await loadForReview(tx, ctx, id);
        const details = await repo.findReviewDetails(tx, ctx.partnershipId, id);
        const review = details.review ?? EMPTY_REVIEW;
        const dates = reviewDatesFrom(review, details.events);
        const refusal = learningEventRefusal(
          input.kind,
          input.heldOn,
          review,
          dates?.learningSessionOn ?? null,
          todayInLondon(),
        );
        if (refusal) throw invalid([{ field: 'heldOn', message: refusal }]);
        const event = await repo.insertEvent(tx, ctx.partnershipId, id, input);
        if (event.attendees !== input.personIds.length)
          throw invalid([{ field: 'personIds', message: 'Select people of this partnership' }]);
        await refreshClocks(tx, ctx.partnershipId, id);
        await auditCase(tx, ctx, 'learning-event.recorded', id, { after: { id: event.id, ...input } });
        return event.id;
      });
    },

    async saveBriefing(ctx: RequestContext, id: string, input: BriefingInput) {
      const errors = personalDataErrors(input, FREE_TEXT.briefing, input.confirmNoPersonalData);
      if (errors.length > 0) throw invalid(errors);
      return db.transaction(async (tx) => {
        await incidents.lockIncident(tx, ctx.partnershipId, id);
        await loadForReview(tx, ctx, id);
        const before = await repo.findBriefing(tx, ctx.partnershipId, id);
        const { confirmNoPersonalData: _, ...briefing } = input;
        await repo.saveBriefing(tx, ctx.partnershipId, id, briefing);
        const after = (await repo.findBriefing(tx, ctx.partnershipId, id)) as repo.Briefing;
        await auditCase(tx, ctx, 'briefing.saved', id, before ? changedFields(before, after) : { after });
        return after;
      });
    },

    /** Publishes the briefing to practitioners and the public pages (the business unit only), or withdraws it. */
    async publishBriefing(ctx: RequestContext, id: string, publish: boolean) {
      return db.transaction(async (tx) => {
        await incidents.lockIncident(tx, ctx.partnershipId, id);
        await loadCase(tx, ctx, id);
        const briefing = await repo.findBriefing(tx, ctx.partnershipId, id);
        if (!briefing)
          throw invalid([{ field: 'briefing', message: 'Write the 7-minute briefing before publishing it' }]);
        const publishedOn = publish ? (briefing.publishedOn ?? todayInLondon()) : null;
        await repo.setBriefingPublished(tx, ctx.partnershipId, id, publishedOn);
        await auditCase(tx, ctx, publish ? 'briefing.published' : 'briefing.withdrawn', id, {
          after: { briefingId: briefing.id, publishedOn },
        });
        return { ...briefing, publishedOn };
      });
    },

    /** Published learning: 7-minute briefings, for practitioners and the public. Not case material. */
    async publishedBriefings(partnershipId: string, query: { after?: string; limit: number }) {
      const rows = await repo.listPublishedBriefings(db, partnershipId, {
        after: query.after ? decodeCursor(query.after) : null,
        limit: query.limit,
      });
      const page = toPage(rows, query.limit, (b) => ({ key: b.publishedOn as string, id: b.id }));
      return { ...page, items: page.items.map(asPublished) };
    },

    async publishedBriefing(partnershipId: string, id: string) {
      const briefing = await repo.findPublishedBriefing(db, partnershipId, id);
      if (!briefing) throw notFound('Briefing');
      return asPublished(briefing);
    },
  };
}

export type PracticeReviewService = ReturnType<typeof createPracticeReviewService>;
