import { Alert } from '@mantine/core';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type AdminAccess = { canEdit: boolean };

const AdminAccessContext = createContext<AdminAccess>({ canEdit: false });

/** Admins change the organisation; supervisors read the same screens with every form disabled. */
export function AdminAccessProvider(props: { canEdit: boolean; children: ReactNode }) {
  return (
    <AdminAccessContext.Provider value={{ canEdit: props.canEdit }}>
      {props.children}
    </AdminAccessContext.Provider>
  );
}

export const useAdminAccess = (): AdminAccess => useContext(AdminAccessContext);

/** Said once per section, so a supervisor knows why nothing can be changed. */
export function ReadOnlyNote() {
  const { t } = useTranslation();
  const { canEdit } = useAdminAccess();
  if (canEdit) return null;
  return (
    <Alert color="gray" variant="light" data-testid="admin-read-only">
      {t('adminConsole.readOnly')}
    </Alert>
  );
}
