import { z } from 'zod';
import {
  AdminChannel,
  ChannelCreate,
  ChannelIdInput,
  ChannelUpdate,
  ConnectionTestResult,
} from '@atendo/shared/schemas/admin/channels';
import {
  archiveChannel,
  createChannel,
  getAdminChannel,
  listAdminChannels,
  restoreChannel,
  updateChannel,
} from '../../services/admin/channels';
import { testChannelConnection } from '../../services/admin/channel-connection';
import { adminProcedure, adminReadProcedure } from '../../trpc/admin-procedures';
import { router } from '../../trpc/trpc';

const ListInput = z
  .object({ includeArchived: z.boolean().default(false) })
  .default({ includeArchived: false });

/** admin.channels: WhatsApp numbers (own credentials each), web chats, bot menus. */
export const adminChannelsRouter = router({
  list: adminReadProcedure
    .input(ListInput)
    .output(z.array(AdminChannel))
    .query(({ ctx, input }) => listAdminChannels(ctx.deps, ctx.config, input)),

  get: adminReadProcedure
    .input(ChannelIdInput)
    .output(AdminChannel)
    .query(({ ctx, input }) => getAdminChannel(ctx.deps, ctx.config, input.channelId)),

  create: adminProcedure
    .input(ChannelCreate)
    .output(AdminChannel)
    .mutation(({ ctx, input }) => createChannel(ctx.deps, ctx.config, ctx.agent, input)),

  update: adminProcedure
    .input(ChannelUpdate)
    .output(AdminChannel)
    .mutation(({ ctx, input }) => updateChannel(ctx.deps, ctx.config, ctx.agent, input)),

  archive: adminProcedure
    .input(ChannelIdInput)
    .output(AdminChannel)
    .mutation(({ ctx, input }) => archiveChannel(ctx.deps, ctx.config, ctx.agent, input.channelId)),

  restore: adminProcedure
    .input(ChannelIdInput)
    .output(AdminChannel)
    .mutation(({ ctx, input }) => restoreChannel(ctx.deps, ctx.config, ctx.agent, input.channelId)),

  /** GETs the phone number (and the WABA's templates) from the Graph API with the channel's token. */
  testConnection: adminProcedure
    .input(ChannelIdInput)
    .output(ConnectionTestResult)
    .mutation(({ ctx, input }) => testChannelConnection(ctx.deps, ctx.config, input.channelId)),
});
