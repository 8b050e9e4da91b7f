import { Notification, Stack } from '@mantine/core';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type Notice = {
  id: number;
  tone: 'error' | 'info' | 'success';
  title: string;
  text: string;
};
type Notify = (notice: Omit<Notice, 'id'>) => void;

const NoticeContext = createContext<Notify | null>(null);
const COLORS = { error: 'red', info: 'brand', success: 'green' } as const;
let nextId = 1;

/** Short messages in a corner ("Bruno took this conversation before you"). */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<Notice[]>([]);
  const dismiss = useCallback((id: number) => {
    setNotices((list) => list.filter((n) => n.id !== id));
  }, []);
  const notify = useCallback<Notify>(
    (notice) => {
      const id = nextId++;
      setNotices((list) => [...list.slice(-3), { ...notice, id }]);
      // Errors stay until dismissed: an agent must not miss why an action failed.
      if (notice.tone !== 'error')
        setTimeout(() => {
          dismiss(id);
        }, 6_000);
    },
    [dismiss],
  );
  const value = useMemo(() => notify, [notify]);
  return (
    <NoticeContext.Provider value={value}>
      {children}
      <Stack pos="fixed" bottom={16} right={16} w={380} gap="xs" style={{ zIndex: 400 }}>
        {notices.map((n) => (
          <Notification
            key={n.id}
            color={COLORS[n.tone]}
            title={n.title}
            role={n.tone === 'error' ? 'alert' : 'status'}
            onClose={() => {
              dismiss(n.id);
            }}
            closeButtonProps={{ 'aria-label': t('actions.done') }}
            withBorder
            data-testid="notice"
          >
            {n.text}
          </Notification>
        ))}
      </Stack>
    </NoticeContext.Provider>
  );
}

export function useNotify(): Notify {
  const value = useContext(NoticeContext);
  if (value === null) throw new Error('useNotify outside NoticeProvider');
  return value;
}
