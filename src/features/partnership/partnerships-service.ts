import type { Database } from '../../db/database.ts';
import { sqlState, UNIQUE_VIOLATION } from '../../db/errors.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { newToken, tokenHash } from '../../platform/auth/secrets.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { insertPartner } from './partners-repo.ts';
import * as repo from './partnerships-repo.ts';
import type { PartnershipInput } from './schemas.ts';
import { insertInvitation, insertUser } from './users-repo.ts';
import { INVITATION_DAYS } from './users-service.ts';

/**
 * The operator's work: a new partnership with its local authority and its first admin, who gets a
 * link to set a password. All of it in one transaction, audited in the installation's chain and in
 * the new partnership's.
 */
export function createPartnershipsService(db: Database) {
  return {
    /** The name and short name of a partnership, for its public pages: 404 when there is none. */
    async publicFace(by: { slug: string } | { id: string }) {
      const found =
        'slug' in by
          ? await repo.findPartnershipBySlug(db, by.slug)
          : await repo.findPartnershipById(db, by.id);
      if (!found) throw notFound('Partnership');
      return found;
    },

    async list(query: { after?: string; limit: number }) {
      const rows = await repo.listPartnerships(db, {
        after: query.after ? decodeCursor(query.after) : null,
        limit: query.limit,
      });
      return toPage(rows, query.limit, (p) => ({ key: p.name, id: p.id }));
    },

    async create(ctx: RequestContext, input: PartnershipInput) {
      try {
        return await db.transaction(async (tx) => {
          const partnershipId = await repo.insertPartnership(tx, input);
          const agency = await insertPartner(tx, partnershipId, {
            name: input.localAuthorityName,
            kind: 'local-authority',
            sector: 'local-authority',
            contactEmail: null,
          });
          const admin = await insertUser(tx, partnershipId, {
            name: input.adminName,
            email: input.adminEmail,
            role: 'admin',
            agencyId: agency.id,
          });
          const token = newToken();
          await insertInvitation(
            tx,
            admin.id,
            tokenHash(token),
            new Date(Date.now() + INVITATION_DAYS * 86_400_000),
          );
          const summary = { slug: input.slug, name: input.name, areaName: input.areaName };
          await recordAudit(tx, ctx.actor, {
            partnershipId: null,
            action: 'partnership.created',
            entityType: 'partnership',
            entityId: partnershipId,
            after: summary,
          });
          await recordAudit(tx, ctx.actor, {
            partnershipId,
            action: 'partnership.created',
            entityType: 'partnership',
            entityId: partnershipId,
            after: { ...summary, localAuthority: agency.name, firstAdmin: admin.email },
          });
          return { id: partnershipId, adminId: admin.id, invitationPath: `/invitations/${token}` };
        });
      } catch (error) {
        if (sqlState(error) === UNIQUE_VIOLATION) {
          const detail = String((error as { detail?: string; constraint?: string }).constraint ?? '');
          throw detail.includes('users')
            ? conflict('Email in use', [
                { field: 'adminEmail', message: 'An account with this email address already exists' },
              ])
            : conflict('Short name in use', [
                { field: 'slug', message: 'A partnership with this short name already exists' },
              ]);
        }
        throw error;
      }
    },
  };
}
