import type { Attachment } from '@atendo/shared/schemas/message';
import pino from 'pino';
import type { InboundMessageInput, StatusUpdateInput } from './channel-types';
import type { FakeGraphServer } from './fake-graph-server';
import type { Sleep } from './graph-http';
import type { StoreMediaInput } from './inbound-media';
import type { ChannelLogger } from './logger';
import { createWhatsAppChannel, type WhatsAppChannelDeps } from './whatsapp-channel';

/** A silent pino logger: the adapter logs through the real library in tests too. */
export const silentLogger: ChannelLogger = pino({ level: 'silent' });

/** A sleep that returns at once and remembers the delays asked for, so backoff is asserted. */
export function recordingSleep(): { sleep: Sleep; delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    sleep: (ms) => {
      delays.push(ms);
      return Promise.resolve();
    },
  };
}

export const TEST_APP_SECRET = 'meta-app-secret';
export const TEST_PHONE_NUMBER_ID = '106540352242922';
export const TEST_CHANNEL_ID = 'ch-wa-1';

export type ServerSide = ReturnType<typeof serverSide>;

/** The server side as plain recorders; de-duplication by wamid mirrors the server's ingest. */
export function serverSide() {
  const ingested: InboundMessageInput[] = [];
  const stored = new Map<string, InboundMessageInput>();
  const statuses: StatusUpdateInput[] = [];
  const media: StoreMediaInput[] = [];
  return {
    ingested,
    stored,
    statuses,
    media,
    ingest: (input: InboundMessageInput) => {
      ingested.push(input);
      if (!stored.has(input.channelMessageId)) stored.set(input.channelMessageId, input);
      return Promise.resolve();
    },
    updateStatus: (input: StatusUpdateInput) => {
      statuses.push(input);
      return Promise.resolve();
    },
    storeMedia: (input: StoreMediaInput): Promise<Attachment> => {
      media.push(input);
      return Promise.resolve({
        id: `att-${media.length}`,
        fileName: input.fileName,
        mimeType: input.mimeType,
        size: input.bytes.length,
        mediaType: input.mediaType,
        ...(input.mediaType === 'sticker' ? { animated: input.animated } : {}),
      });
    },
  };
}

/** A channel wired to the fake Graph API and the recording server side, with instant sleeps. */
export function createTestChannel(
  fake: FakeGraphServer,
  server: ServerSide,
  overrides: Partial<WhatsAppChannelDeps> = {},
) {
  const sleeper = recordingSleep();
  const channel = createWhatsAppChannel({
    config: {
      channelId: TEST_CHANNEL_ID,
      phoneNumberId: TEST_PHONE_NUMBER_ID,
      accessToken: fake.accessToken,
      appSecret: TEST_APP_SECRET,
      verifyToken: 'verify-me',
      graphBaseUrl: fake.baseUrl,
      retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 40 },
    },
    ingest: server.ingest,
    updateStatus: server.updateStatus,
    storeMedia: server.storeMedia,
    now: () => 1_717_000_500_000,
    logger: silentLogger,
    sleep: sleeper.sleep,
    ...overrides,
  });
  return { channel, delays: sleeper.delays };
}
