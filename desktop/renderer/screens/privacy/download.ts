import { z } from 'zod';
import { ERROR_CODES } from '@atendo/shared/errors';
import type { ApiFailure } from '../../api/api-error';

/*
 * The export zip and the access log CSV come from plain routes that want the bearer token, which
 * a link cannot send: the file is fetched with it and handed to the browser as a download.
 */

const RouteError = z.object({
  error: z.object({
    atendoCode: z.enum(ERROR_CODES),
    details: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
      .optional(),
  }),
});

/** The file name from Content-Disposition's RFC 8187 `filename*`, else the fallback. */
export function downloadName(disposition: string | null, fallback: string): string {
  const exact = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (exact === undefined) return fallback;
  try {
    return decodeURIComponent(exact);
  } catch {
    return fallback;
  }
}

export async function downloadFile(input: {
  url: string;
  token: string;
  fallbackName: string;
}): Promise<{ ok: true; name: string } | { ok: false; failure: ApiFailure }> {
  let response: Response;
  try {
    response = await fetch(input.url, { headers: { authorization: `Bearer ${input.token}` } });
  } catch (error) {
    return { ok: false, failure: { kind: 'network', message: String(error) } };
  }
  if (!response.ok) {
    const parsed = RouteError.safeParse(await response.json().catch(() => null));
    if (!parsed.success) {
      return { ok: false, failure: { kind: 'unknown', message: `HTTP ${response.status}` } };
    }
    const { atendoCode, details } = parsed.data.error;
    return {
      ok: false,
      failure: { kind: 'atendo', code: atendoCode, details: details ?? {}, message: '' },
    };
  }
  const name = downloadName(response.headers.get('content-disposition'), input.fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the blob by now; revoking later frees it without cutting the download.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 60_000);
  return { ok: true, name };
}

export const serverBase = (serverUrl: string): string => serverUrl.replace(/\/+$/, '');
