import { csatPrompt } from '@atendo/shared/rules/csat';
import { renderTemplate } from '@atendo/shared/rules/templates';
import { CSAT_TEMPLATE_NAME } from '@atendo/shared/rules/template-picking';
import type { Locale } from '@atendo/shared/schemas/common';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Message } from '@atendo/shared/schemas/message';
import type { Template } from '@atendo/shared/schemas/catalog';
import { csatQuestionDelivery } from '../channels/conversation-flow/decide-flow';
import { contactLocale } from '../channels/conversation-flow/flow-store';
import { templateFromRow } from '../repo/catalog';
import type { Tx } from './deps';
import { requireChannel } from './lookup';

/**
 * The approved WhatsApp template that asks for the CSAT score when the 24 h window has shut.
 * It takes no parameters; one per language may exist on a channel. The name lives in shared/,
 * so the agents' template picker leaves it out.
 */
export { CSAT_TEMPLATE_NAME };

/** Meta names languages with an underscore (pt_BR); Atendo's locales use a hyphen. */
const metaLanguage = (locale: Locale): string => locale.replace('-', '_');

/**
 * The satisfaction question sent by the system right after close, in the contact's language:
 * free text where the channel allows it now, the CSAT template on WhatsApp once the window has
 * shut. Without such a template the text goes anyway and fails visibly (Meta refuses it), so
 * the agent learns the channel lacks one instead of the question vanishing.
 */
export async function csatQuestion(
  trx: Tx,
  conversation: Conversation,
  id: string,
  now: number,
): Promise<Message> {
  const locale = await contactLocale(trx, conversation.contactId);
  const channel = await requireChannel(trx, conversation.channelId);
  const question = csatPrompt(locale);
  const delivery = csatQuestionDelivery({
    channelKind: channel.kind,
    lastInboundAt: conversation.lastInboundAt,
    now,
    csatQuestion: question,
  });
  const base: Message = {
    id,
    conversationId: conversation.id,
    direction: 'outbound',
    kind: 'text',
    authorAgentId: null,
    body: question,
    attachments: [],
    template: null,
    system: null,
    status: 'queued',
    error: null,
    channelMessageId: null,
    clientId: null,
    createdAt: now,
    updatedAt: now,
  };
  if (delivery.type === 'ask-csat') return { ...base, body: delivery.body };
  const template = await csatTemplate(trx, channel.id, locale);
  const rendered = template ? renderTemplate(template, {}) : null;
  if (!template || !rendered?.ok) return base;
  const body = [rendered.header, rendered.body, rendered.footer]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join('\n\n');
  return {
    ...base,
    kind: 'template',
    body,
    template: {
      templateId: template.id,
      name: template.name,
      language: template.language,
      params: {},
    },
  };
}

/** The channel's CSAT template in the contact's language, else in any language. */
async function csatTemplate(trx: Tx, channelId: string, locale: Locale): Promise<Template | null> {
  const rows = await trx
    .selectFrom('templates')
    .selectAll()
    .where('channel_id', '=', channelId)
    .where('name', '=', CSAT_TEMPLATE_NAME)
    .execute();
  const templates = rows.map(templateFromRow);
  const wanted = metaLanguage(locale).toLowerCase();
  return (
    templates.find((t) => t.language.toLowerCase() === wanted) ??
    templates.find((t) => t.language.toLowerCase().startsWith(wanted.slice(0, 2))) ??
    templates[0] ??
    null
  );
}
