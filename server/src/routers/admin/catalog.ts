import { z } from 'zod';
import { Id } from '@atendo/shared/schemas/common';
import {
  AdminDisposition,
  AdminQuickReply,
  AdminTag,
  AdminTemplate,
  DispositionCreate,
  DispositionIdInput,
  DispositionRemoveResult,
  DispositionUpdate,
  LocalTemplateCreate,
  QuickReplyCreate,
  QuickReplyIdInput,
  QuickReplyUpdate,
  TagCreate,
  TagIdInput,
  TagUpdate,
  TeamFilter,
  TemplateIdInput,
  TemplateSyncResult,
  TemplateUpdate,
} from '@atendo/shared/schemas/admin/catalog';
import * as dispositions from '../../services/admin/dispositions';
import * as quickReplies from '../../services/admin/quick-replies';
import * as tags from '../../services/admin/tags';
import * as templates from '../../services/admin/templates';
import { syncTemplatesFromMeta } from '../../services/admin/template-sync';
import { adminProcedure, adminReadProcedure } from '../../trpc/admin-procedures';
import { router } from '../../trpc/trpc';

const TemplateFilter = z
  .object({ channelId: Id.nullable().default(null), includeArchived: z.boolean().default(false) })
  .default({ channelId: null, includeArchived: false });

/** admin.templates: Meta's templates (synced, with their review status) and local ones. */
export const adminTemplatesRouter = router({
  list: adminReadProcedure
    .input(TemplateFilter)
    .output(z.array(AdminTemplate))
    .query(({ ctx, input }) => templates.listAdminTemplates(ctx.deps, input)),
  /** GET /<WABA_ID>/message_templates, every page; only approved ones reach agents. */
  syncFromMeta: adminProcedure
    .input(z.object({ channelId: Id }))
    .output(TemplateSyncResult)
    .mutation(({ ctx, input }) =>
      syncTemplatesFromMeta(ctx.deps, ctx.config, ctx.agent, input.channelId),
    ),
  createLocal: adminProcedure
    .input(LocalTemplateCreate)
    .output(AdminTemplate)
    .mutation(({ ctx, input }) => templates.createLocalTemplate(ctx.deps, ctx.agent, input)),
  update: adminProcedure
    .input(TemplateUpdate)
    .output(AdminTemplate)
    .mutation(({ ctx, input }) => templates.updateTemplate(ctx.deps, ctx.agent, input)),
  archive: adminProcedure
    .input(TemplateIdInput)
    .output(AdminTemplate)
    .mutation(({ ctx, input }) =>
      templates.setTemplateArchived(ctx.deps, ctx.agent, input.templateId, true),
    ),
  restore: adminProcedure
    .input(TemplateIdInput)
    .output(AdminTemplate)
    .mutation(({ ctx, input }) =>
      templates.setTemplateArchived(ctx.deps, ctx.agent, input.templateId, false),
    ),
});

/** admin.tags: per-team labels. Archived tags leave the agents' menus, keep their names. */
export const adminTagsRouter = router({
  list: adminReadProcedure
    .input(TeamFilter)
    .output(z.array(AdminTag))
    .query(({ ctx, input }) => tags.listAdminTags(ctx.deps, input)),
  create: adminProcedure
    .input(TagCreate)
    .output(AdminTag)
    .mutation(({ ctx, input }) => tags.createTag(ctx.deps, ctx.agent, input)),
  update: adminProcedure
    .input(TagUpdate)
    .output(AdminTag)
    .mutation(({ ctx, input }) => tags.updateTag(ctx.deps, ctx.agent, input)),
  archive: adminProcedure
    .input(TagIdInput)
    .output(AdminTag)
    .mutation(({ ctx, input }) => tags.setTagActive(ctx.deps, ctx.agent, input.tagId, false)),
  restore: adminProcedure
    .input(TagIdInput)
    .output(AdminTag)
    .mutation(({ ctx, input }) => tags.setTagActive(ctx.deps, ctx.agent, input.tagId, true)),
});

/** admin.dispositions: the nested tree of closing codes (tabulações). */
export const adminDispositionsRouter = router({
  list: adminReadProcedure
    .input(TeamFilter)
    .output(z.array(AdminDisposition))
    .query(({ ctx, input }) => dispositions.listAdminDispositions(ctx.deps, input)),
  create: adminProcedure
    .input(DispositionCreate)
    .output(AdminDisposition)
    .mutation(({ ctx, input }) => dispositions.createDisposition(ctx.deps, ctx.agent, input)),
  update: adminProcedure
    .input(DispositionUpdate)
    .output(AdminDisposition)
    .mutation(({ ctx, input }) => dispositions.updateDisposition(ctx.deps, ctx.agent, input)),
  /** Used nodes (and their ancestors) are archived, unused ones deleted. */
  remove: adminProcedure
    .input(DispositionIdInput)
    .output(DispositionRemoveResult)
    .mutation(({ ctx, input }) =>
      dispositions.removeDisposition(ctx.deps, ctx.agent, input.dispositionId),
    ),
  /** Brings an archived node (and its archived ancestors) back. */
  restore: adminProcedure
    .input(DispositionIdInput)
    .output(AdminDisposition)
    .mutation(({ ctx, input }) =>
      dispositions.restoreDisposition(ctx.deps, ctx.agent, input.dispositionId),
    ),
});

/** admin.quickReplies: team-wide saved answers, synced to the team's agents. */
export const adminQuickRepliesRouter = router({
  list: adminReadProcedure
    .input(TeamFilter)
    .output(z.array(AdminQuickReply))
    .query(({ ctx, input }) => quickReplies.listQuickReplies(ctx.deps, input)),
  create: adminProcedure
    .input(QuickReplyCreate)
    .output(AdminQuickReply)
    .mutation(({ ctx, input }) => quickReplies.createQuickReply(ctx.deps, ctx.agent, input)),
  update: adminProcedure
    .input(QuickReplyUpdate)
    .output(AdminQuickReply)
    .mutation(({ ctx, input }) => quickReplies.updateQuickReply(ctx.deps, ctx.agent, input)),
  remove: adminProcedure
    .input(QuickReplyIdInput)
    .output(AdminQuickReply)
    .mutation(({ ctx, input }) =>
      quickReplies.setQuickReplyActive(ctx.deps, ctx.agent, input.quickReplyId, false),
    ),
  restore: adminProcedure
    .input(QuickReplyIdInput)
    .output(AdminQuickReply)
    .mutation(({ ctx, input }) =>
      quickReplies.setQuickReplyActive(ctx.deps, ctx.agent, input.quickReplyId, true),
    ),
});
