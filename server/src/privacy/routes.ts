import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type express from 'express';
import type { Request, Response } from 'express';
import { ZipFile } from 'yazl';
import { z } from 'zod';
import { AtendoError } from '@atendo/shared/errors';
import { AccessAction, AccessLogFilter, AccessOutcome } from '@atendo/shared/schemas/privacy';
import { sendError } from '../attachment-routes';
import { agentForToken, bearerToken } from '../auth/sessions';
import { contentDisposition } from '../stored-file';
import type { Deps } from '../services/deps';
import { accessLogBatches, CSV_HEADER, csvLine } from './access-log-reads';
import { ensureAdmin } from './admin-only';
import { accessRecord, type ReadTarget, type Reader } from './audited';
import { collectContactExport, type ContactExport } from './export-contact';

/*
 * The two privacy answers that are files, streamed rather than held in memory: a contact's
 * export (a zip) and the access log as CSV. Plain routes beside tRPC, like the attachments,
 * with the bearer token; admins only.
 */

export function mountPrivacyRoutes(app: express.Express, deps: Deps): void {
  app.get('/api/privacy/contacts/:id/export', exportRoute(deps));
  app.get('/api/privacy/access-log.csv', accessLogCsvRoute(deps));
}

async function adminReader(deps: Deps, req: Request, target: ReadTarget): Promise<Reader> {
  const token = bearerToken(req.headers.authorization);
  const agent = token ? await agentForToken(deps.db, token, deps.clock.now()) : null;
  if (!agent) throw new AtendoError('unauthenticated', 'sign in first');
  const reader = { deps, agent, ip: req.ip ?? null };
  await ensureAdmin(reader, target);
  return reader;
}

function exportRoute(deps: Deps) {
  return async (req: Request<{ id: string }>, res: Response): Promise<void> => {
    try {
      const contactId = req.params.id;
      const target = {
        action: 'privacy.export' as const,
        entityType: 'contact' as const,
        entityId: contactId,
        contactId,
      };
      const reader = await adminReader(deps, req, target);
      const collected = await collectContactExport(
        deps.db,
        deps.dataDir,
        contactId,
        deps.clock.now(),
      );
      // Before the first byte: an export that leaves the server is always on record.
      await deps.accessLog.recordNow(accessRecord(reader, target, { refused: null }));
      res.set({
        'content-type': 'application/zip',
        'content-disposition': contentDisposition('attachment', `atendo-contato-${contactId}.zip`),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      await pipeline(await zipOf(collected, deps.clock.now()), res);
    } catch (error) {
      if (res.headersSent) {
        deps.logger.error({ err: error }, 'privacy: export stream failed');
        res.destroy();
        return;
      }
      sendError(res, deps.logger, error);
    }
  };
}

async function zipOf(collected: ContactExport, now: number): Promise<NodeJS.ReadableStream> {
  const zip = new ZipFile();
  const mtime = new Date(now);
  const missing: string[] = [];
  for (const file of collected.files) {
    const present = await stat(file.absolutePath).then(
      (s) => s.isFile(),
      () => false,
    );
    if (present) zip.addFile(file.absolutePath, file.zipPath, { mtime });
    else missing.push(file.attachmentId);
  }
  const document = { ...collected.document, missingFiles: missing };
  zip.addBuffer(Buffer.from(JSON.stringify(document, null, 2)), 'contact.json', { mtime });
  zip.end();
  return zip.outputStream;
}

const drained = (res: Response): Promise<void> =>
  new Promise((resolve) => {
    res.once('drain', resolve);
    res.once('close', resolve);
  });

const CsvQuery = z.object({
  agentId: z.string().min(1).max(64).optional(),
  contactId: z.string().min(1).max(64).optional(),
  conversationId: z.string().min(1).max(64).optional(),
  outcome: AccessOutcome.optional(),
  action: AccessAction.optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
});

function csvFilter(query: unknown): AccessLogFilter {
  const parsed = CsvQuery.safeParse(query);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? 'query';
    throw new AtendoError('invalid-input', 'bad access log filter', { field });
  }
  return AccessLogFilter.parse(parsed.data);
}

function accessLogCsvRoute(deps: Deps) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      const target = {
        action: 'privacy.access-log' as const,
        entityType: 'log' as const,
        entityId: 'csv',
      };
      const reader = await adminReader(deps, req, target);
      const filter = csvFilter(req.query);
      await deps.accessLog.recordNow(accessRecord(reader, target, { refused: null }));
      res.set({
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': contentDisposition('attachment', 'atendo-registro-de-acessos.csv'),
        'cache-control': 'no-store',
      });
      res.write(`\ufeff${CSV_HEADER}\r\n`);
      for await (const batch of accessLogBatches(deps.db, filter)) {
        const chunk = batch.map((e) => `${csvLine(e)}\r\n`).join('');
        // Waits for the socket to drain, so a slow reader holds one batch, not the whole log.
        if (!res.write(chunk)) await drained(res);
        if (res.destroyed) return;
      }
      res.end();
    } catch (error) {
      if (res.headersSent) {
        deps.logger.error({ err: error }, 'privacy: access log export failed');
        res.destroy();
        return;
      }
      sendError(res, deps.logger, error);
    }
  };
}
