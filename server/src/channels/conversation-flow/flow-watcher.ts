import { sql } from 'kysely';
import type { Deps } from '../../services/deps';
import { CSAT_REQUESTED } from './flow-store';
import { settleOwedMessages, type FlowHooks } from './run-flow';

/**
 * Watches the change feed for conversations that owe the contact a message: one that entered
 * the bot without its menu, or one closed into awaiting_csat without its question. Reacting to
 * state rather than to the action that caused it means every path (inbound, agent close,
 * supervisor transfer, restart mid-way) is covered without hooks in each service.
 */
export function createFlowWatcher(deps: Deps, hooks: FlowHooks) {
  let running: Promise<void> | null = null;
  let again = false;

  async function settleAll(): Promise<void> {
    const owing = await deps.db
      .selectFrom('conversations as c')
      .select('c.id')
      .where((eb) => {
        const flowMessages = (purpose: 'menu' | 'csat') =>
          eb
            .selectFrom('messages as m')
            .select(sql.lit(1).as('one'))
            .whereRef('m.conversation_id', '=', 'c.id')
            .where((inner) => {
              const ours = inner('m.client_id', 'like', `flow:${purpose}:%`);
              return purpose === 'csat'
                ? inner.or([ours, inner('m.system', 'like', CSAT_REQUESTED)])
                : ours;
            });
        return eb.or([
          eb.and([eb('c.state', '=', 'bot'), eb.not(eb.exists(flowMessages('menu')))]),
          eb.and([eb('c.state', '=', 'awaiting_csat'), eb.not(eb.exists(flowMessages('csat')))]),
        ]);
      })
      .execute();
    for (const { id } of owing) await settleOwedMessages(deps, hooks, id);
  }

  /** One pass at a time; changes during a pass schedule exactly one more. */
  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = settleAll()
      .catch((error: unknown) => {
        deps.logger.error({ err: error }, 'flow: settling owed messages failed');
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          void run();
        }
      });
    return running;
  }

  const unsubscribe = deps.feed.subscribe(() => void run());
  return {
    /** Settles now (at start, after a restart) and returns when the pass is done. */
    settle: run,
    /** Resolves once no pass is running or queued; tests use it instead of sleeping. */
    idle: async (): Promise<void> => {
      while (running) await running;
    },
    stop: unsubscribe,
  };
}

export type FlowWatcher = ReturnType<typeof createFlowWatcher>;
