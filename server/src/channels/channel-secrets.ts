import { z } from 'zod';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { Config } from '../config';
import type { SecretBox } from '../secrets/secret-box';

/** The secrets a channel may carry, all optional; stored sealed in `channels.secrets`. */
export const ChannelSecrets = z.object({
  accessToken: z.string().min(1).optional(),
  appSecret: z.string().min(1).optional(),
  verifyToken: z.string().min(1).optional(),
});
export type ChannelSecrets = z.infer<typeof ChannelSecrets>;
export type SecretName = keyof ChannelSecrets;
export const SECRET_NAMES: readonly SecretName[] = ['accessToken', 'appSecret', 'verifyToken'];

/**
 * The channel's secrets. Sealed with another key (a data directory restored without its
 * `secret-key`, a changed ATENDO_SECRET_KEY) they cannot be opened: the channel then has none,
 * shows them as not set in the console and falls back to the environment, instead of failing
 * every request.
 */
export function openChannelSecrets(box: SecretBox, sealed: string | null): ChannelSecrets {
  if (sealed === null) return {};
  try {
    return ChannelSecrets.parse(JSON.parse(box.open(sealed)));
  } catch {
    return {};
  }
}

export function sealChannelSecrets(box: SecretBox, secrets: ChannelSecrets): string | null {
  return Object.keys(secrets).length === 0 ? null : box.seal(JSON.stringify(secrets));
}

/** The credentials one WhatsApp number sends and checks with: its own, else the WHATSAPP_* ones. */
export type WhatsAppCredentials = {
  phoneNumberId: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
};

export type ResolvedCredentials =
  { ok: true; credentials: WhatsAppCredentials } | { ok: false; missing: SecretName[] };

const ENV_NAMES: Record<SecretName, string> = {
  accessToken: 'WHATSAPP_ACCESS_TOKEN',
  appSecret: 'WHATSAPP_APP_SECRET',
  verifyToken: 'WHATSAPP_VERIFY_TOKEN',
};

export function resolveWhatsAppCredentials(
  channel: Pick<Channel, 'externalId'>,
  own: ChannelSecrets,
  env: Config['whatsappEnvSecrets'],
): ResolvedCredentials {
  const value = (name: SecretName): string | null => own[name] ?? env[name];
  const missing = SECRET_NAMES.filter((name) => value(name) === null);
  const [accessToken, appSecret, verifyToken] = SECRET_NAMES.map(value);
  if (missing.length > 0 || !accessToken || !appSecret || !verifyToken) {
    return { ok: false, missing };
  }
  return {
    ok: true,
    credentials: { phoneNumberId: channel.externalId, accessToken, appSecret, verifyToken },
  };
}

/** The sentence a not-configured channel answers with, naming what to set and where. */
export function notConfiguredMessage(missing: readonly SecretName[]): string {
  const names = missing.map((name) => `${name} (or ${ENV_NAMES[name]})`).join(', ');
  return (
    `WhatsApp is not configured for this channel: set ${names} in the admin console ` +
    'or the server environment (see docs/administration.md)'
  );
}
