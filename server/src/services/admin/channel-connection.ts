import type { ConnectionTestResult } from '@atendo/shared/schemas/admin/channels';
import { AtendoError } from '@atendo/shared/errors';
import {
  notConfiguredMessage,
  openChannelSecrets,
  resolveWhatsAppCredentials,
  type WhatsAppCredentials,
} from '../../channels/channel-secrets';
import { createGraphAdminClient } from '../../channels/whatsapp/graph-admin';
import type { WhatsAppFailure } from '../../channels/whatsapp/errors';
import type { Config } from '../../config';
import { whatsAppSettingsOf } from '../../repo/admin-channels';
import { channelFromRow } from '../../repo/directory';
import type { Deps } from '../deps';
import { notFound } from './guards';

/** What an admin should fix, from a classified Graph failure. */
export function connectionProblem(failure: WhatsAppFailure, on: 'phone' | 'waba') {
  const status = /^http-(\d+)$/.exec(failure.code)?.[1];
  if (failure.metaCode === 190 || status === '401') return 'bad-token' as const;
  if (failure.metaCode === 100 || status === '404')
    return on === 'phone' ? ('wrong-id' as const) : ('wrong-waba-id' as const);
  if (failure.code === 'network-error' || failure.code === 'server-error')
    return 'unreachable' as const;
  return 'other' as const;
}

const MESSAGES = {
  'bad-token':
    'Meta refused the access token: it is wrong, expired or lacks whatsapp_business_messaging',
  'wrong-id': 'Meta knows no phone number with this id for this token: check the phone number id',
  'wrong-waba-id':
    'the phone number works, but Meta knows no WhatsApp Business Account with this id',
  unreachable: 'the Graph API could not be reached',
  other: 'the Graph API refused the request',
} as const;

/** The WhatsApp channel's row and credentials (its own, else the WHATSAPP_* ones). */
export async function whatsAppChannelCredentials(deps: Deps, config: Config, channelId: string) {
  const row = await deps.db
    .selectFrom('channels')
    .selectAll()
    .where('id', '=', channelId)
    .executeTakeFirst();
  if (row === undefined) throw notFound('channel', channelId);
  if (row.kind !== 'whatsapp') {
    throw new AtendoError('invalid-input', 'only WhatsApp channels talk to the Graph API', {
      field: 'channelId',
    });
  }
  const resolved = resolveWhatsAppCredentials(
    channelFromRow(row),
    openChannelSecrets(deps.secrets, row.secrets),
    config.whatsappEnvSecrets,
  );
  return { row, resolved, wabaId: whatsAppSettingsOf(row).wabaId };
}

export const graphAdminFor = (deps: Deps, config: Config, credentials: WhatsAppCredentials) =>
  createGraphAdminClient({
    accessToken: credentials.accessToken,
    baseUrl: config.whatsappApi.graphBaseUrl,
    apiVersion: config.whatsappApi.apiVersion,
    logger: deps.logger.child({ channel: 'whatsapp', admin: true }),
  });

/**
 * "Test connection": GETs the phone number with the channel's token, then, when a WABA id is
 * set, one page of its templates. Says what is wrong instead of only that something is.
 */
export async function testChannelConnection(
  deps: Deps,
  config: Config,
  channelId: string,
): Promise<ConnectionTestResult> {
  const { resolved, wabaId } = await whatsAppChannelCredentials(deps, config, channelId);
  if (!resolved.ok)
    return {
      ok: false,
      problem: 'not-configured',
      message: notConfiguredMessage(resolved.missing),
    };
  const graph = graphAdminFor(deps, config, resolved.credentials);
  const phone = await graph.getPhoneNumber(resolved.credentials.phoneNumberId);
  if (!phone.ok) {
    const problem = connectionProblem(phone.failure, 'phone');
    return { ok: false, problem, message: `${MESSAGES[problem]} (${phone.failure.message})` };
  }
  if (wabaId !== null) {
    const templates = await graph.listTemplates(wabaId);
    if (!templates.ok) {
      const problem = connectionProblem(templates.failure, 'waba');
      return { ok: false, problem, message: `${MESSAGES[problem]} (${templates.failure.message})` };
    }
  }
  return {
    ok: true,
    displayPhoneNumber: phone.value.display_phone_number ?? null,
    verifiedName: phone.value.verified_name ?? null,
    qualityRating: phone.value.quality_rating ?? null,
  };
}
