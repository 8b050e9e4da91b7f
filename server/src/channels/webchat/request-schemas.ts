import { z } from 'zod';
import { storableLine } from '@atendo/shared/rules/storable-text';
import { Locale } from '@atendo/shared/schemas/common';
import { fileNameTransform } from '../../security/file-name';
import { PreChatAnswers } from './prechat-fields';

export const OpenSessionBody = z.object({
  // Cleaned here, before the session row keeps it: no NUL or bidi control reaches any table.
  name: z.string().transform(storableLine).pipe(z.string().min(1).max(200)),
  email: z.email().max(254),
  locale: Locale.catch('pt-BR'),
  /** Answers to the channel's extra questions by key; checked against them in the router. */
  fields: PreChatAnswers,
});

/** The client's id doubles as the channel message id, so a retried POST is stored once. */
const ClientMessageId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const SendMessageBody = z.object({
  clientMessageId: ClientMessageId,
  text: z.string().trim().min(1).max(4096),
});

export const UploadHeaders = z.object({
  'content-type': z.string().min(3).max(127),
  'x-file-name': z.string().min(1).max(765).transform(fileNameTransform),
  'x-client-message-id': ClientMessageId,
});

export const CsatBody = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).nullable().default(null),
});

export const AckBody = z.object({ messageIds: z.array(z.string().min(1).max(64)).min(1).max(200) });

export const ChannelKeyParam = z.string().min(1).max(200);

/** A server-made attachment id; anything else cannot name a file. */
export const AttachmentIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
