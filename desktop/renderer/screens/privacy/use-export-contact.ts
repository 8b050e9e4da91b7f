import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataSubjectSummary } from '@atendo/shared/schemas/privacy';
import { useApiAction } from '../../data/use-api-action';
import { useWorkspace } from '../../data/workspace-context';
import { useNotify } from '../../ui/notices';
import { downloadFile, serverBase } from './download';

/** Downloads a contact's export (zip) and says how it went. */
export function useExportContact() {
  const { t } = useTranslation();
  const { session } = useWorkspace();
  const notify = useNotify();
  const { describe } = useApiAction();
  const [pending, setPending] = useState(false);

  const run = async (subject: DataSubjectSummary): Promise<void> => {
    setPending(true);
    try {
      const result = await downloadFile({
        url: `${serverBase(session.serverUrl)}/api/privacy/contacts/${encodeURIComponent(subject.contactId)}/export`,
        token: session.token,
        fallbackName: `atendo-contato-${subject.contactId}.zip`,
      });
      if (result.ok) {
        notify({
          tone: 'success',
          title: t('privacy.subjects.exported', { name: subject.name }),
          text: result.name,
        });
      } else {
        notify({
          tone: 'error',
          title: t('privacy.subjects.exportFailed'),
          text: describe(result.failure),
        });
      }
    } finally {
      setPending(false);
    }
  };

  return { run, pending };
}
