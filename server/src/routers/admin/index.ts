import { router } from '../../trpc/trpc';
import { adminAgentsRouter } from './agents';
import { adminAuditRouter } from './audit';
import {
  adminDispositionsRouter,
  adminQuickRepliesRouter,
  adminTagsRouter,
  adminTemplatesRouter,
} from './catalog';
import { adminChannelsRouter } from './channels';
import { adminTeamsRouter } from './teams';

/**
 * The administration (issue 12): `admin.<noun>.<verb>`. Reads are for supervisors and admins,
 * writes for admins only; every write is one transaction with an audit row and change-feed
 * records. The procedure list with inputs is in docs/admin-api.md.
 */
export const adminRouter = router({
  agents: adminAgentsRouter,
  teams: adminTeamsRouter,
  channels: adminChannelsRouter,
  templates: adminTemplatesRouter,
  tags: adminTagsRouter,
  dispositions: adminDispositionsRouter,
  quickReplies: adminQuickRepliesRouter,
  audit: adminAuditRouter,
});
