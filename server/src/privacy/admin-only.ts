import { AtendoError } from '@atendo/shared/errors';
import { accessRecord, type ReadTarget, type Reader } from './audited';

/*
 * Privacy procedures (exports, erasures, retention, the access log) are for admins alone:
 * supervisors and agents are refused, and each refusal is itself written to the access log.
 */

export async function ensureAdmin(reader: Reader, target: ReadTarget): Promise<void> {
  if (reader.agent.role === 'admin') return;
  await reader.deps.accessLog.recordNow(accessRecord(reader, target, { refused: 'forbidden' }));
  throw new AtendoError('forbidden', 'admins only', { role: reader.agent.role, required: 'admin' });
}
