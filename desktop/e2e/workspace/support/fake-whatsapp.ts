/**
 * Meta's side of WhatsApp for the e2e server: the local fake Graph API receives every message the
 * server sends (recorded, so a spec can read the payload the contact would get), and a contact's
 * message arrives as a webhook signed with the app secret, posted to the server's real route.
 */
import type { Express } from 'express';
import express from 'express';
import { z } from 'zod';
import {
  startFakeGraphServer,
  type FakeGraphServer,
} from '../../../../server/src/channels/whatsapp/fake-graph-server';
import {
  buildMessageWebhook,
  signWebhook,
} from '../../../../server/src/channels/whatsapp/fake-webhooks';

export const E2E_APP_SECRET = 'e2e-app-secret';

/** The WHATSAPP_* variables that point the server at the fake. */
export function fakeWhatsAppEnv(fake: FakeGraphServer): Record<string, string> {
  return {
    WHATSAPP_ACCESS_TOKEN: fake.accessToken,
    WHATSAPP_APP_SECRET: E2E_APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'e2e-verify-token',
    WHATSAPP_GRAPH_BASE_URL: fake.baseUrl,
  };
}

export const startFakeWhatsApp = () => startFakeGraphServer({ accessToken: 'e2e-access-token' });

const Webhook = z.object({
  channelId: z.string(),
  /** The business number's phone number id (the channel's externalId). */
  phoneNumberId: z.string(),
  from: z.string().regex(/^\d{8,15}$/),
  profileName: z.string(),
  text: z.string().min(1),
});

let sequence = 0;

/**
 * `POST /__e2e/whatsapp` plays the contact: a signed text webhook to the server's own
 * `/webhooks/whatsapp/:channelId`, answered once the replies it caused were sent.
 * `POST /__e2e/whatsapp/sends` `{ to }` lists the Graph payloads sent to that number (a POST:
 * the renderer's page fallback answers every GET).
 */
export function mountFakeWhatsApp(
  app: Express,
  fake: FakeGraphServer,
  server: { url: () => string; idle: () => Promise<void> },
): void {
  app.post('/__e2e/whatsapp', express.json(), (req, res) => {
    const input = Webhook.parse(req.body);
    sequence += 1;
    const payload = buildMessageWebhook({
      phoneNumberId: input.phoneNumberId,
      from: input.from,
      profileName: input.profileName,
      messages: [
        {
          from: input.from,
          id: `wamid.E2E${String(Date.now())}${String(sequence)}`,
          timestamp: String(Math.floor(Date.now() / 1000)),
          type: 'text',
          text: { body: input.text },
        },
      ],
    });
    const signed = signWebhook(payload, E2E_APP_SECRET);
    void fetch(`${server.url()}/webhooks/whatsapp/${encodeURIComponent(input.channelId)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signed.signature },
      body: new Uint8Array(signed.rawBody),
    })
      .then(async (response) => {
        await server.idle();
        res.status(response.status).json({ status: response.status });
      })
      .catch((error: unknown) => res.status(500).json({ error: String(error) }));
  });
  app.post('/__e2e/whatsapp/sends', express.json(), (req, res) => {
    const to = z.object({ to: z.string() }).parse(req.body).to;
    const sends = fake
      .sends()
      .map((r) => r.json)
      .filter((json) => (json as { to?: string }).to === to);
    res.json({ sends });
  });
}
