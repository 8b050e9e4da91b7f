import type { AdminChannel, PreChatField } from '@atendo/shared/schemas/admin/channels';
import type { BotMenu } from '@atendo/shared/schemas/channel';
import type { Locale } from '@atendo/shared/schemas/common';

const MINUTE = 60_000;

export type BotOptionDraft = { key: string; label: string; teamId: string | null };

export type BotMenuDraft = {
  enabled: boolean;
  greeting: string;
  options: BotOptionDraft[];
  invalidReply: string;
  timeoutMinutes: number | '';
  onTimeout: BotMenu['onTimeout'];
};

export type SecretName = 'accessToken' | 'appSecret' | 'verifyToken';

/** What the channel form edits; strings as typed, turned into the shared inputs on save. */
export type ChannelDraft = {
  kind: 'whatsapp' | 'webchat';
  name: string;
  inboundOnly: boolean;
  defaultTeamId: string | null;
  botMenu: BotMenuDraft;
  phoneNumberId: string;
  wabaId: string;
  /** Agents' messages open with their name ("*Ana:*"). */
  authorPrefix: boolean;
  /**
   * A replacement typed by the admin; empty keeps the stored secret; null removes it, so the
   * server's WHATSAPP_* variable applies again.
   */
  secrets: Record<SecretName, string | null>;
  key: string;
  /** One origin per line. */
  allowedOrigins: string;
  primaryColor: string;
  textColor: string;
  greeting: string;
  preChatFields: PreChatField[];
  language: Locale;
};

const menuDraft = (menu: BotMenu | null): BotMenuDraft => ({
  enabled: menu !== null,
  greeting: menu?.greeting ?? '',
  options: menu?.options.map((o) => ({ ...o })) ?? [
    { key: '1', label: '', teamId: null },
    { key: '2', label: '', teamId: null },
  ],
  invalidReply: menu?.invalidReply ?? '',
  timeoutMinutes: menu === null ? 5 : Math.max(1, Math.round(menu.timeoutMs / MINUTE)),
  onTimeout: menu?.onTimeout ?? 'route-default-team',
});

export function channelDraft(
  kind: ChannelDraft['kind'],
  channel: AdminChannel | null,
): ChannelDraft {
  const webchat = channel?.webchat ?? null;
  return {
    kind,
    name: channel?.name ?? '',
    inboundOnly: channel?.direction === 'inbound-only',
    defaultTeamId: channel?.defaultTeamId ?? null,
    botMenu: menuDraft(channel?.botMenu ?? null),
    phoneNumberId: channel?.whatsapp?.phoneNumberId ?? '',
    wabaId: channel?.whatsapp?.wabaId ?? '',
    authorPrefix: channel?.whatsapp?.authorPrefix ?? true,
    secrets: { accessToken: '', appSecret: '', verifyToken: '' },
    key: channel?.kind === 'webchat' ? channel.externalId : '',
    allowedOrigins: webchat?.allowedOrigins.join('\n') ?? '',
    primaryColor: webchat?.colors.primary ?? '#1f6feb',
    textColor: webchat?.colors.text ?? '#ffffff',
    greeting: webchat?.greeting ?? '',
    preChatFields: webchat?.preChatFields.map((f) => ({ ...f })) ?? [],
    language: webchat?.language ?? 'pt-BR',
  };
}

const botMenuInput = (menu: BotMenuDraft) =>
  menu.enabled
    ? {
        greeting: menu.greeting.trim(),
        options: menu.options.map((o) => ({
          key: o.key.trim(),
          label: o.label.trim(),
          teamId: o.teamId ?? '',
        })),
        invalidReply: menu.invalidReply.trim(),
        timeoutMs: menu.timeoutMinutes === '' ? 0 : menu.timeoutMinutes * MINUTE,
        onTimeout: menu.onTimeout,
      }
    : null;

const secretsInput = (secrets: ChannelDraft['secrets']) => {
  const replaced: Partial<Record<SecretName, string | null>> = {};
  for (const name of ['accessToken', 'appSecret', 'verifyToken'] as const) {
    const value = secrets[name];
    if (value === null) replaced[name] = null;
    else if (value.trim() !== '') replaced[name] = value.trim();
  }
  return replaced;
};

const webchatInput = (draft: ChannelDraft) => ({
  allowedOrigins: draft.allowedOrigins
    .split('\n')
    .map((line) => line.trim().replace(/\/+$/, ''))
    .filter((line) => line !== ''),
  colors: { primary: draft.primaryColor, text: draft.textColor },
  greeting: draft.greeting.trim(),
  preChatFields: draft.preChatFields,
  language: draft.language,
});

/**
 * The input of admin.channels.create or .update, unchecked: the form validates it with the
 * shared schema, whose paths (e.g. "botMenu.options.1.teamId") name the form's fields.
 */
export function channelInput(draft: ChannelDraft, channel: AdminChannel | null): unknown {
  const common = {
    name: draft.name,
    direction: draft.inboundOnly ? 'inbound-only' : 'both',
    defaultTeamId: draft.defaultTeamId ?? '',
    botMenu: botMenuInput(draft.botMenu),
  };
  const specific =
    draft.kind === 'whatsapp'
      ? {
          phoneNumberId: draft.phoneNumberId.trim(),
          wabaId: draft.wabaId.trim() === '' ? null : draft.wabaId.trim(),
          authorPrefix: draft.authorPrefix,
          secrets: secretsInput(draft.secrets),
        }
      : { key: draft.key.trim(), webchat: webchatInput(draft) };
  return channel === null
    ? { kind: draft.kind, ...common, ...specific }
    : { channelId: channel.id, ...common, ...specific };
}
