import { z } from 'zod';
import { classifyCloudApiError, networkFailure, type WhatsAppFailure } from './errors';
import type { ChannelLogger } from './logger';

/** Every Graph call ends in a value or a classified failure; callers never parse HTTP errors. */
export type GraphResult<T> =
  { ok: true; value: T } | { ok: false; failure: WhatsAppFailure; attempts: number };

export type Sleep = (ms: number) => Promise<void>;
export type FetchFn = typeof fetch;

export type RetryPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };

/** Five attempts over about fifteen seconds: enough to ride out a throughput spike. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
};

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Exponential backoff: base, 2×base, 4×base, … capped. `attempt` counts from 1. */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

/** Meta's error envelope: `{error: {message, type, code, error_data: {details}, fbtrace_id}}`. */
export const GraphErrorEnvelope = z.object({
  error: z.object({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number().int().optional(),
    error_subcode: z.number().int().optional(),
    error_data: z
      .object({ messaging_product: z.string().optional(), details: z.string().optional() })
      .optional(),
    fbtrace_id: z.string().optional(),
  }),
});

export type GraphHttpOptions = {
  fetch: FetchFn;
  sleep: Sleep;
  retry: RetryPolicy;
  accessToken: string;
  logger: ChannelLogger;
};

type Attempt<T> = GraphResult<T> | { ok: false; failure: WhatsAppFailure };

/** Runs one Graph request, retrying retryable failures with backoff up to `maxAttempts`. */
export async function withRetry<T>(
  options: Pick<GraphHttpOptions, 'sleep' | 'retry' | 'logger'>,
  label: string,
  attemptOnce: () => Promise<Attempt<T>>,
): Promise<GraphResult<T>> {
  const { retry, sleep, logger } = options;
  for (let attempt = 1; ; attempt++) {
    const result = await attemptOnce();
    if (result.ok) return result;
    if (!result.failure.retryable || attempt >= retry.maxAttempts) {
      return { ok: false, failure: result.failure, attempts: attempt };
    }
    const delay = backoffDelay(attempt, retry);
    logger.warn({ label, attempt, delay, code: result.failure.code }, 'whatsapp: retrying');
    await sleep(delay);
  }
}

type RequestSpec = { method: 'GET' | 'POST'; url: string; body?: string | FormData };

/** One HTTP exchange with the bearer token; the body is decoded by `read` when the status is 2xx. */
export async function graphRequest<T>(
  options: GraphHttpOptions,
  spec: RequestSpec,
  read: (response: Response) => Promise<T | null>,
): Promise<Attempt<T>> {
  const headers: Record<string, string> = { authorization: `Bearer ${options.accessToken}` };
  if (typeof spec.body === 'string') headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await options.fetch(spec.url, {
      method: spec.method,
      headers,
      body: spec.body ?? null,
    });
  } catch (cause) {
    return { ok: false, failure: networkFailure(cause) };
  }
  if (!response.ok) return { ok: false, failure: await failureOf(response) };
  const value = await read(response).catch(() => null);
  if (value === null) {
    return {
      ok: false,
      failure: classifyCloudApiError({ message: 'unexpected response from the Graph API' }),
    };
  }
  return { ok: true, value };
}

async function failureOf(response: Response): Promise<WhatsAppFailure> {
  const text = await response.text().catch(() => '');
  const parsed = GraphErrorEnvelope.safeParse(safeJson(text));
  const error = parsed.success ? parsed.data.error : undefined;
  return classifyCloudApiError({
    code: error?.code,
    message: error?.message ?? text.slice(0, 200),
    details: error?.error_data?.details,
    httpStatus: response.status,
  });
}

/** Reads a JSON body through a schema; null when it does not match. */
export function readJson<T>(schema: z.ZodType<T>): (response: Response) => Promise<T | null> {
  return async (response) => {
    const parsed = schema.safeParse(safeJson(await response.text()));
    return parsed.success ? parsed.data : null;
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
