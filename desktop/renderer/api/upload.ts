import { z } from 'zod';
import { Attachment } from '@atendo/shared/schemas/message';
import { ERROR_CODES } from '@atendo/shared/errors';
import type { ApiFailure } from './api-error';

const UploadAnswer = z.object({ attachment: Attachment });
// The upload route answers a refusal as `{ error: { atendoCode, message, details } }`.
const UploadError = z.object({
  error: z.object({
    atendoCode: z.enum(ERROR_CODES),
    details: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
      .optional(),
    message: z.string().optional(),
  }),
});

export type UploadResult =
  { ok: true; attachment: Attachment } | { ok: false; failure: ApiFailure };

/**
 * Uploads one file to the conversation; the server checks it against the same shared rules and
 * answers with the stored attachment, which the outbox then sends as a message.
 */
export async function uploadAttachment(input: {
  serverUrl: string;
  token: string;
  conversationId: string;
  file: File;
}): Promise<UploadResult> {
  const url = `${input.serverUrl.replace(/\/+$/, '')}/api/conversations/${encodeURIComponent(input.conversationId)}/uploads`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${input.token}`,
        'content-type': input.file.type || 'application/octet-stream',
        'x-file-name': encodeURIComponent(input.file.name),
      },
      body: input.file,
    });
  } catch (error) {
    return { ok: false, failure: { kind: 'network', message: String(error) } };
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = UploadAnswer.safeParse(json);
    if (parsed.success) return { ok: true, attachment: parsed.data.attachment };
  }
  const parsedError = UploadError.safeParse(json);
  if (parsedError.success) {
    const refusal = parsedError.data.error;
    return {
      ok: false,
      failure: {
        kind: 'atendo',
        code: refusal.atendoCode,
        details: refusal.details ?? {},
        message: refusal.message ?? '',
      },
    };
  }
  return { ok: false, failure: { kind: 'unknown', message: `HTTP ${response.status}` } };
}
