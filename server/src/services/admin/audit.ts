import type { Agent } from '@atendo/shared/schemas/agent';
import type { AuditEntityType } from '@atendo/shared/schemas/admin/common';
import type { Deps, Tx } from '../deps';

/** Who made an administrative change: a signed-in agent, or the command line (null). */
export type AuditActor = Pick<Agent, 'id' | 'name'> | null;

export type AuditInput = {
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  before: unknown;
  after: unknown;
};

/** Keys whose values never reach the log, whatever object they are found in. */
const SECRET_KEYS = new Set([
  'accessToken',
  'appSecret',
  'verifyToken',
  'password',
  'passwordHash',
  'temporaryPassword',
  'token',
  'secrets',
]);

/**
 * A copy of `value` with every secret replaced: strings that are already a set / not-set state
 * (the admin schemas' SecretState) stay, anything else becomes "[redacted]". Admin outputs never
 * hold a secret; this is the second lock.
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (!SECRET_KEYS.has(key)) return [key, redactSecrets(inner)];
      const state = inner === 'set' || inner === 'not-set' || inner === 'env';
      return [key, state ? inner : key === 'secrets' ? redactSecrets(inner) : '[redacted]'];
    }),
  );
}

const json = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(redactSecrets(value));

/** Appends one audit row in the action's own transaction: the change and its record commit together. */
export async function recordAudit(
  trx: Tx,
  deps: Pick<Deps, 'clock' | 'newId'>,
  actor: AuditActor,
  input: AuditInput,
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      id: deps.newId(),
      at: deps.clock.now(),
      actor_id: actor?.id ?? null,
      actor_name: actor?.name ?? null,
      action: input.action,
      entity_type: input.entityType,
      entity_id: input.entityId,
      before: json(input.before),
      after: json(input.after),
    })
    .execute();
}
