import { z } from 'zod';
import type { AdminChannel, WebchatSettings } from '@atendo/shared/schemas/admin/channels';
import {
  DEFAULT_WEBCHAT_SETTINGS,
  WebchatSettings as WebchatSettingsSchema,
} from '@atendo/shared/schemas/admin/channels';
import type { SecretState } from '@atendo/shared/schemas/admin/common';
import type { Kysely } from 'kysely';
import { openChannelSecrets, SECRET_NAMES, type SecretName } from '../channels/channel-secrets';
import type { Config } from '../config';
import type { ChannelRow, DB } from '../db/schema';
import type { SecretBox } from '../secrets/secret-box';
import { channelFromRow } from './directory';

/* Channels as the admin console shows them: never a secret, only whether each is set. */

/* Channels stored before the author prefix existed have no such key: it is on for them too. */
const WhatsAppSettings = z.object({
  wabaId: z.string().nullable().default(null),
  authorPrefix: z.boolean().default(true),
});

export const whatsAppSettingsOf = (row: Pick<ChannelRow, 'settings'>) =>
  WhatsAppSettings.parse(row.settings === null ? {} : JSON.parse(row.settings));

export const webchatSettingsOf = (row: Pick<ChannelRow, 'settings'>): WebchatSettings =>
  row.settings === null
    ? DEFAULT_WEBCHAT_SETTINGS
    : WebchatSettingsSchema.parse(JSON.parse(row.settings));

/** The address Meta and customers' sites reach this server at. */
export const publicBaseUrl = (config: Pick<Config, 'publicUrl' | 'host' | 'port'>): string =>
  (config.publicUrl ?? `http://${config.host}:${String(config.port)}`).replace(/\/+$/, '');

export const whatsAppWebhookUrl = (config: Config, channelId: string): string =>
  `${publicBaseUrl(config)}/webhooks/whatsapp/${encodeURIComponent(channelId)}`;

export type AdminChannelContext = { config: Config; secrets: SecretBox };

export function adminChannelFromRow(row: ChannelRow, context: AdminChannelContext): AdminChannel {
  const channel = channelFromRow(row);
  const base = {
    ...channel,
    archived: row.archived_at !== null,
    whatsapp: null,
    webchat: null,
    embedSnippet: null,
  };
  if (channel.kind === 'whatsapp') {
    const own = openChannelSecrets(context.secrets, row.secrets);
    const env = context.config.whatsappEnvSecrets;
    const state = (name: SecretName): SecretState =>
      own[name] !== undefined ? 'set' : env[name] !== null ? 'env' : 'not-set';
    const secrets = Object.fromEntries(SECRET_NAMES.map((name) => [name, state(name)])) as Record<
      SecretName,
      SecretState
    >;
    return {
      ...base,
      whatsapp: {
        phoneNumberId: channel.externalId,
        wabaId: whatsAppSettingsOf(row).wabaId,
        secrets,
        authorPrefix: whatsAppSettingsOf(row).authorPrefix,
        webhookUrl: whatsAppWebhookUrl(context.config, channel.id),
      },
    };
  }
  if (channel.kind === 'webchat') {
    const script = `${publicBaseUrl(context.config)}/webchat/widget.js`;
    return {
      ...base,
      webchat: webchatSettingsOf(row),
      embedSnippet: `<script src="${script}" data-channel="${channel.externalId}" async></script>`,
    };
  }
  return base;
}

export async function loadAdminChannels(
  db: Kysely<DB>,
  context: AdminChannelContext,
  filter: { ids?: readonly string[]; includeArchived?: boolean } = {},
): Promise<AdminChannel[]> {
  if (filter.ids?.length === 0) return [];
  let query = db.selectFrom('channels').selectAll().orderBy('name').orderBy('id');
  if (filter.ids !== undefined) query = query.where('id', 'in', filter.ids);
  else if (filter.includeArchived !== true) query = query.where('archived_at', 'is', null);
  return (await query.execute()).map((row) => adminChannelFromRow(row, context));
}
