import { z } from 'zod';
import { RetentionSettings } from '@atendo/shared/rules/retention';
import { Id } from '@atendo/shared/schemas/common';
import {
  AccessLogCursor,
  AccessLogFilter,
  type AccessAction,
  type AccessEntityType,
} from '@atendo/shared/schemas/privacy';
import { listAccessLog } from '../privacy/access-log-reads';
import { ensureAdmin } from '../privacy/admin-only';
import { accessRecord, recordSearchResults } from '../privacy/audited';
import { dataSubjectSummary, findDataSubjects } from '../privacy/data-subjects';
import { eraseContact } from '../privacy/erase-contact';
import { loadRetention, saveRetention } from '../privacy/retention-settings';
import { authedProcedure, router } from '../trpc/trpc';

/**
 * LGPD requests and settings, for admins only (role admin; a supervisor or agent is refused
 * with `forbidden`, and the refusal is logged). The export and the access log's CSV are files,
 * served by plain routes (privacy/routes.ts).
 */
const adminOnly = (action: AccessAction, entityType: AccessEntityType) =>
  authedProcedure.use(async ({ ctx, getRawInput, next }) => {
    const raw: unknown = await getRawInput();
    const contactId =
      typeof raw === 'object' &&
      raw !== null &&
      'contactId' in raw &&
      typeof raw.contactId === 'string'
        ? raw.contactId
        : null;
    await ensureAdmin(ctx, { action, entityType, entityId: contactId, contactId });
    return next();
  });

const ContactRef = z.object({ contactId: Id });

export const privacyRouter = router({
  findContacts: adminOnly('privacy.search', 'contact')
    .input(
      z.object({
        query: z.string().trim().min(1).max(200),
        limit: z.number().int().min(1).max(50).default(20),
      }),
    )
    .query(async ({ ctx, input }) => {
      const found = await findDataSubjects(ctx.deps, input.query, input.limit);
      recordSearchResults(
        ctx,
        'privacy.search',
        found.map((s) => s.contactId),
      );
      return found;
    }),

  summary: adminOnly('privacy.summary', 'contact')
    .input(ContactRef)
    .query(async ({ ctx, input }) => {
      const summary = await dataSubjectSummary(ctx.deps.db, input.contactId);
      const target = {
        action: 'privacy.summary' as const,
        entityType: 'contact' as const,
        entityId: input.contactId,
        contactId: input.contactId,
      };
      ctx.deps.accessLog.record(accessRecord(ctx, target, { refused: null }));
      return summary;
    }),

  erase: adminOnly('privacy.erase', 'contact')
    .input(
      ContactRef.extend({ confirmName: z.string().max(200), force: z.boolean().default(false) }),
    )
    .mutation(({ ctx, input }) => eraseContact(ctx, input)),

  retention: adminOnly('privacy.retention', 'settings').query(({ ctx }) =>
    loadRetention(ctx.deps.db),
  ),

  setRetention: adminOnly('privacy.retention', 'settings')
    .input(RetentionSettings)
    .mutation(({ ctx, input }) => saveRetention(ctx, input)),

  accessLog: adminOnly('privacy.access-log', 'log')
    .input(
      z.object({
        filter: AccessLogFilter.default(AccessLogFilter.parse({})),
        before: AccessLogCursor.nullable().default(null),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => listAccessLog(ctx.deps.db, input.filter, input)),
});
