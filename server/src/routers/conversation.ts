import { z } from 'zod';
import { ClientId, Id } from '@atendo/shared/schemas/common';
import { AtendoError } from '@atendo/shared/errors';
import { supervises } from '@atendo/shared/rules/permissions';
import { closeConversation } from '../services/close-conversation';
import {
  contactHistory,
  conversationTimeline,
  otherChannels,
  readConversation,
} from '../services/history';
import { listMine } from '../services/my-lists';
import { OutboundContent, sendMessage } from '../services/outbound';
import { inviteParticipant, removeParticipant } from '../services/participants';
import { checkStartConversation, startConversation } from '../services/start-conversation';
import { changeTag } from '../services/tags';
import { takeConversation } from '../services/take-conversation';
import { transferConversation } from '../services/transfer';
import { audited } from '../privacy/audited';
import { authedProcedure, router } from '../trpc/trpc';

const ConversationRef = z.object({ conversationId: Id });
const TextContent = OutboundContent.options[0];
const TemplateContent = OutboundContent.options[1];
const TagInput = z.object({ conversationId: Id, tagId: Id });
const ParticipantInput = z.object({ conversationId: Id, agentId: Id });

// Reads of a conversation are logged with the conversation; a refused one also with its contact.
const conversationRead = (
  action: 'conversation.get' | 'conversation.timeline',
  conversationId: string,
) => ({ action, entityType: 'conversation' as const, entityId: conversationId, conversationId });

export const conversationRouter = router({
  start: authedProcedure
    .input(
      z.object({
        contactId: Id,
        channelId: Id,
        teamId: Id.nullable().default(null),
        clientId: ClientId,
        content: z.discriminatedUnion('kind', [TextContent, TemplateContent]),
      }),
    )
    .mutation(({ ctx, input }) => startConversation(ctx.deps, ctx.agent, input)),

  checkStart: authedProcedure
    .input(z.object({ contactId: Id, channelId: Id, teamId: Id.nullable().default(null) }))
    .query(({ ctx, input }) => checkStartConversation(ctx.deps, ctx.agent, input)),

  listMine: authedProcedure.query(({ ctx }) => listMine(ctx.deps, ctx.agent)),

  get: authedProcedure.input(ConversationRef).query(({ ctx, input }) =>
    audited(
      ctx,
      conversationRead('conversation.get', input.conversationId),
      () => readConversation(ctx.deps, ctx.agent, input.conversationId),
      (conversation) => ({ contactId: conversation.contactId }),
    ),
  ),

  take: authedProcedure
    .input(ConversationRef)
    .mutation(({ ctx, input }) => takeConversation(ctx.deps, ctx.agent, input.conversationId)),

  sendText: authedProcedure
    .input(z.object({ conversationId: Id, clientId: ClientId, text: TextContent.shape.text }))
    .mutation(({ ctx, input }) =>
      sendMessage(ctx.deps, ctx.agent, { ...input, content: { kind: 'text', text: input.text } }),
    ),

  sendAttachment: authedProcedure
    .input(
      z.object({
        conversationId: Id,
        clientId: ClientId,
        attachmentIds: z.array(Id).min(1).max(10),
        caption: z.string().max(1024).default(''),
      }),
    )
    .mutation(({ ctx, input }) =>
      sendMessage(ctx.deps, ctx.agent, {
        conversationId: input.conversationId,
        clientId: input.clientId,
        content: { kind: 'media', attachmentIds: input.attachmentIds, caption: input.caption },
      }),
    ),

  sendTemplate: authedProcedure
    .input(
      z.object({
        conversationId: Id,
        clientId: ClientId,
        templateId: Id,
        params: TemplateContent.shape.params,
      }),
    )
    .mutation(({ ctx, input }) =>
      sendMessage(ctx.deps, ctx.agent, {
        conversationId: input.conversationId,
        clientId: input.clientId,
        content: { kind: 'template', templateId: input.templateId, params: input.params },
      }),
    ),

  addTag: authedProcedure
    .input(TagInput)
    .mutation(({ ctx, input }) => changeTag(ctx.deps, ctx.agent, { ...input, add: true })),

  removeTag: authedProcedure
    .input(TagInput)
    .mutation(({ ctx, input }) => changeTag(ctx.deps, ctx.agent, { ...input, add: false })),

  transfer: authedProcedure
    .input(
      z.object({
        conversationId: Id,
        toAgentId: Id.nullable().default(null),
        toTeamId: Id.nullable().default(null),
        note: z.string().trim().max(1000).nullable().default(null),
      }),
    )
    .mutation(({ ctx, input }) => transferConversation(ctx.deps, ctx.agent, input)),

  invite: authedProcedure
    .input(ParticipantInput)
    .mutation(({ ctx, input }) => inviteParticipant(ctx.deps, ctx.agent, input)),

  removeParticipant: authedProcedure
    .input(ParticipantInput)
    .mutation(({ ctx, input }) => removeParticipant(ctx.deps, ctx.agent, input)),

  close: authedProcedure
    .input(z.object({ conversationId: Id, dispositionId: Id.nullable().default(null) }))
    .mutation(({ ctx, input }) =>
      closeConversation(ctx.deps, ctx.agent, { ...input, forced: false }),
    ),

  history: authedProcedure.input(z.object({ contactId: Id })).query(({ ctx, input }) =>
    audited(
      ctx,
      {
        action: 'conversation.history',
        entityType: 'contact',
        entityId: input.contactId,
        contactId: input.contactId,
      },
      () => contactHistory(ctx.deps, ctx.agent, input.contactId),
    ),
  ),

  timeline: authedProcedure
    .input(ConversationRef)
    .query(({ ctx, input }) =>
      audited(ctx, conversationRead('conversation.timeline', input.conversationId), () =>
        conversationTimeline(ctx.deps, ctx.agent, input.conversationId),
      ),
    ),

  otherChannels: authedProcedure
    .input(z.object({ contactId: Id, exceptChannelId: Id.nullable().default(null) }))
    .query(({ ctx, input }) => {
      if (ctx.agent.teamIds.length === 0 && !supervises(ctx.agent)) {
        throw new AtendoError('forbidden', 'agents without a team see no conversations', {});
      }
      return otherChannels(ctx.deps, ctx.agent, input);
    }),
});
