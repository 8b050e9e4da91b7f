import { Alert, Checkbox, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { map } from 'rxjs';
import type { LocalDataOnSignOut } from '@atendo/shared/ipc/settings';
import { getBridge } from '../bridge/get-bridge';
import { useObservable } from '../data/use-observable';
import { useWorkspace } from '../data/workspace-context';
import { DialogActions } from '../ui/dialog-actions';
import { useSession } from './session-context';
import { endSession, eraseChoice } from './sign-out';

/** The policy for this machine (desktop) or the browser build's default. */
function useErasePolicy(opened: boolean): LocalDataOnSignOut | null {
  const [policy, setPolicy] = useState<LocalDataOnSignOut | null>(null);
  useEffect(() => {
    if (!opened) return;
    let cancelled = false;
    void getBridge()
      .invoke('settings:get')
      .then(
        ({ settings }) => settings.clearLocalDataOnSignOut,
        () => 'offer' as const,
      )
      .then((value) => {
        if (!cancelled) setPolicy(value);
      });
    return () => {
      cancelled = true;
    };
  }, [opened]);
  return policy;
}

/** Outbox items that never reached the server: lost if the local store is erased. */
function useUnsentCount(): number {
  const { store } = useWorkspace();
  // A find, not a count: RxDB counts only what an index answers alone, and the outbox is small.
  return useObservable(
    () =>
      store.db.outbox
        .find({ selector: { state: { $in: ['pending', 'failed'] } } })
        .$.pipe(map((items) => items.length)),
    0,
    [store],
  );
}

/**
 * "Sair": revokes the session on the server, then signs out here, and offers to erase this
 * computer's copy of the agent's data, as the machine policy says (ticked by default or
 * mandatory on shared machines). Unsent outbox items are named before they can be lost.
 */
export function SignOutDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const services = useWorkspace();
  const { forget } = useSession();
  const policy = useErasePolicy(opened);
  const unsent = useUnsentCount();
  const [ticked, setTicked] = useState<boolean | null>(null);
  const [pending, setPending] = useState(false);
  const choice = eraseChoice(policy ?? 'offer');
  const erase = choice.changeable ? (ticked ?? choice.initial) : true;

  const confirm = () => {
    setPending(true);
    void endSession({
      stopSync: services.close,
      logout: (signal) => services.api.auth.logout.mutate(undefined, { signal }),
      eraseLocalData: erase ? services.eraseLocalData : null,
      forget,
      expiresAt: services.session.expiresAt ?? null,
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={() => {
        if (!pending) onClose();
      }}
      title={t('signOut.title')}
      centered
    >
      <Stack>
        <Text size="sm">{t('signOut.intro')}</Text>
        <Checkbox
          label={t('signOut.erase')}
          description={choice.changeable ? t('signOut.eraseHint') : t('signOut.eraseForced')}
          checked={erase}
          disabled={!choice.changeable || policy === null || pending}
          onChange={(event) => {
            setTicked(event.currentTarget.checked);
          }}
        />
        {unsent > 0 && (
          <Alert
            color={erase ? 'red' : 'yellow'}
            title={t('signOut.unsentTitle', { count: unsent })}
          >
            {erase ? t('signOut.unsentErase') : t('signOut.unsentKeep')}
          </Alert>
        )}
        <DialogActions
          confirmLabel={erase ? t('signOut.confirmErase') : t('signOut.confirm')}
          onConfirm={confirm}
          onCancel={onClose}
          pending={pending}
          disabled={policy === null}
          danger={erase && unsent > 0}
        />
      </Stack>
    </Modal>
  );
}
