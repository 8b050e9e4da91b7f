import {
  AuditExport,
  AuditFilters,
  AuditListInput,
  AuditPage,
} from '@atendo/shared/schemas/admin/audit';
import { exportAuditCsv, listAudit } from '../../services/admin/audit-read';
import { adminProcedure } from '../../trpc/admin-procedures';
import { router } from '../../trpc/trpc';

/** admin.audit: who changed what and when; admins only. */
export const adminAuditRouter = router({
  list: adminProcedure
    .input(AuditListInput.prefault({}))
    .output(AuditPage)
    .query(({ ctx, input }) => listAudit(ctx.deps, input)),
  exportCsv: adminProcedure
    .input(AuditFilters.prefault({}))
    .output(AuditExport)
    .query(({ ctx, input }) => exportAuditCsv(ctx.deps, input)),
});
