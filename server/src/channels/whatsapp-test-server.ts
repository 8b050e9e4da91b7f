import { createTRPCClient, httpLink } from '@trpc/client';
import { createServer, type RunningServer } from '../app';
import { loadConfig } from '../config';
import { DEMO_PASSWORD } from '../demo-data';
import { createLogger } from '../logger';
import type { AppRouter } from '../router';
import { createHarness, START } from '../testing/harness';
import { startFakeGraphServer } from './whatsapp/fake-graph-server';
import { buildMessageWebhook, buildStatusWebhook, signWebhook } from './whatsapp/fake-webhooks';
import type { StatusInput } from './whatsapp/fake-webhooks';

export const WA_CHANNEL_ID = 'channel-whatsapp';
/** The demo WhatsApp channel's externalId: its Cloud API phone number id. */
export const WA_PHONE_NUMBER_ID = '5511940000000';
/** The demo's second number, "WhatsApp Receptivo" (inbound only, no bot menu). */
export const RECEPTIVO_CHANNEL_ID = 'channel-receptivo';
export const RECEPTIVO_PHONE_NUMBER_ID = '5511940000001';
export const WA_APP_SECRET = 'wiring-app-secret';
export const WA_VERIFY_TOKEN = 'wiring-verify-token';
/** The contact's wa_id in these tests. */
export const CONTACT_WA_ID = '5511977776666';
/** Meta's timestamps are unix seconds. */
export const START_SECONDS = Math.floor(START / 1000);

/**
 * The real server (createServer + listen on loopback, demo data on a temporary SQLite file,
 * a hand-moved clock) with WhatsApp configured against the local fake Graph API. Tests play
 * Meta by posting signed webhooks to the real route and agents through tRPC over HTTP.
 */
export async function startWhatsAppTestServer(
  options: { sleep?: (ms: number) => Promise<void> } = {},
) {
  const fake = await startFakeGraphServer();
  const h = await createHarness();
  const config = loadConfig({
    ATENDO_DATA_DIR: h.dir,
    ATENDO_PORT: '0',
    LOG_LEVEL: 'silent',
    WHATSAPP_ACCESS_TOKEN: fake.accessToken,
    WHATSAPP_APP_SECRET: WA_APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: WA_VERIFY_TOKEN,
    WHATSAPP_GRAPH_BASE_URL: fake.baseUrl,
  });
  let next = 0;
  const server = createServer({
    config,
    db: h.db,
    clock: h.clock,
    logger: createLogger('silent'),
    newId: () => `wa-${++next}`,
    whatsapp: { sleep: options.sleep ?? (() => Promise.resolve()) },
  });
  const running: RunningServer = await server.listen();
  const webhookUrl = `${running.url}/webhooks/whatsapp/${WA_CHANNEL_ID}`;

  const postRaw = (rawBody: Buffer, signature: string | null, url = webhookUrl) =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature === null ? {} : { 'x-hub-signature-256': signature }),
      },
      body: rawBody,
    });
  const post = async (payload: object, url = webhookUrl): Promise<number> => {
    const signed = signWebhook(payload, WA_APP_SECRET);
    return (await postRaw(signed.rawBody, signed.signature, url)).status;
  };
  const inboundWebhook = (messages: object[], from: string) =>
    buildMessageWebhook({ phoneNumberId: WA_PHONE_NUMBER_ID, from, messages, profileName: 'Rita' });
  return {
    fake,
    h,
    server,
    url: running.url,
    webhookUrl,
    postRaw,
    post,
    /**
     * A contact's messages (raw objects from `sampleMessage` or by hand), signed and posted;
     * resolves with the webhook's status once the replies they caused have been sent.
     */
    inbound: async (messages: object[], from = CONTACT_WA_ID) => {
      const status = await post(inboundWebhook(messages, from));
      await server.whatsappIdle();
      return status;
    },
    /** A contact's messages to the demo's other number, "WhatsApp Receptivo". */
    inboundReceptivo: async (messages: object[], from: string, profileName = 'Rita') => {
      const payload = buildMessageWebhook({
        phoneNumberId: RECEPTIVO_PHONE_NUMBER_ID,
        from,
        messages,
        profileName,
      });
      const status = await post(
        payload,
        `${running.url}/webhooks/whatsapp/${RECEPTIVO_CHANNEL_ID}`,
      );
      await server.whatsappIdle();
      return status;
    },
    /** The same, resolving as soon as the webhook is answered. */
    inboundAnswered: (messages: object[], from = CONTACT_WA_ID) =>
      post(inboundWebhook(messages, from)),
    statuses: (statuses: StatusInput[]) =>
      post(buildStatusWebhook({ phoneNumberId: WA_PHONE_NUMBER_ID, statuses })),
    agent: async (email: string) => {
      const anonymous = createTRPCClient<AppRouter>({
        links: [httpLink({ url: `${running.url}/trpc` })],
      });
      const session = await anonymous.auth.login.mutate({ email, password: DEMO_PASSWORD });
      const token = session.token;
      const client = createTRPCClient<AppRouter>({
        links: [
          httpLink({ url: `${running.url}/trpc`, headers: { authorization: `Bearer ${token}` } }),
        ],
      });
      return { client, token };
    },
    close: async () => {
      await server.whatsappIdle();
      await running.close();
      await h.close();
      await fake.close();
    },
  };
}

export type WhatsAppTestServer = Awaited<ReturnType<typeof startWhatsAppTestServer>>;
