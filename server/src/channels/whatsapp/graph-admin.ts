import { z } from 'zod';
import {
  graphRequest,
  readJson,
  realSleep,
  withRetry,
  type FetchFn,
  type GraphHttpOptions,
  type GraphResult,
} from './graph-http';
import { DEFAULT_GRAPH_API_VERSION, DEFAULT_GRAPH_BASE_URL } from './graph-client';
import type { ChannelLogger } from './logger';

/*
 * The Graph API calls of the admin console, over the same HTTP layer as sending
 * (graph-http.ts): `GET /<PHONE_NUMBER_ID>` for "test connection" and
 * `GET /<WABA_ID>/message_templates` (paged) for the template sync. One attempt each: an admin
 * waiting on a button is told at once what is wrong instead of after a backoff.
 */

export type GraphAdminConfig = {
  accessToken: string;
  baseUrl?: string;
  apiVersion?: string;
  fetch?: FetchFn;
  logger: ChannelLogger;
};

/** `GET /<PHONE_NUMBER_ID>?fields=display_phone_number,verified_name,quality_rating`. */
const PhoneNumber = z.object({
  id: z.string(),
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
  quality_rating: z.string().optional(),
});
export type PhoneNumber = z.infer<typeof PhoneNumber>;

/** One template of `GET /<WABA_ID>/message_templates` (the fields Atendo reads). */
export const GraphTemplate = z.object({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  status: z.string(),
  category: z.string(),
  components: z
    .array(
      z.object({
        type: z.string(),
        format: z.string().optional(),
        text: z.string().optional(),
      }),
    )
    .default([]),
});
export type GraphTemplate = z.infer<typeof GraphTemplate>;

const TemplatePage = z.object({
  data: z.array(GraphTemplate),
  paging: z
    .object({
      cursors: z.object({ before: z.string().optional(), after: z.string().optional() }).optional(),
      next: z.string().optional(),
    })
    .optional(),
});

/** Pages read at most in one sync: 100 templates a page, so 10,000 templates. */
const MAX_PAGES = 100;

export function createGraphAdminClient(config: GraphAdminConfig) {
  const base = (config.baseUrl ?? DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, '');
  const root = `${base}/${config.apiVersion ?? DEFAULT_GRAPH_API_VERSION}`;
  const http: GraphHttpOptions = {
    fetch: config.fetch ?? globalThis.fetch,
    sleep: realSleep,
    retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    accessToken: config.accessToken,
    logger: config.logger,
  };
  const get = <T>(url: string, schema: z.ZodType<T>): Promise<GraphResult<T>> =>
    withRetry(http, 'admin', () => graphRequest(http, { method: 'GET', url }, readJson(schema)));
  return {
    getPhoneNumber: (phoneNumberId: string) =>
      get(
        `${root}/${encodeURIComponent(phoneNumberId)}?fields=display_phone_number,verified_name,quality_rating`,
        PhoneNumber,
      ),
    /** Every page of the WABA's templates, following `paging.cursors.after`. */
    listTemplates: async (wabaId: string): Promise<GraphResult<GraphTemplate[]>> => {
      const all: GraphTemplate[] = [];
      let after: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const cursor = after === undefined ? '' : `&after=${encodeURIComponent(after)}`;
        const url = `${root}/${encodeURIComponent(wabaId)}/message_templates?limit=100${cursor}`;
        const result = await get(url, TemplatePage);
        if (!result.ok) return result;
        all.push(...result.value.data);
        after = result.value.paging?.cursors?.after;
        if (result.value.paging?.next === undefined || after === undefined) break;
      }
      return { ok: true, value: all };
    },
  };
}
