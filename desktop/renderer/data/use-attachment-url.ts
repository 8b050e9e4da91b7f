import { useEffect, useState } from 'react';
import { useWorkspace } from './workspace-context';

export type AttachmentUrl =
  { state: 'loading' } | { state: 'ready'; url: string } | { state: 'failed' };

/**
 * An object URL for an uploaded file. `<img>` and `<a>` cannot send the bearer token the server
 * asks for, so the file is fetched with it and handed to them as a blob; the URL is revoked when
 * the component goes away so the blob does not stay in memory.
 */
export function useAttachmentUrl(attachmentId: string): AttachmentUrl {
  const { session } = useWorkspace();
  const [result, setResult] = useState<AttachmentUrl>({ state: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    let url: string | null = null;
    const base = session.serverUrl.replace(/\/+$/, '');
    void (async () => {
      try {
        const response = await fetch(
          `${base}/api/attachments/${encodeURIComponent(attachmentId)}`,
          {
            headers: { authorization: `Bearer ${session.token}` },
            signal: controller.signal,
          },
        );
        if (!response.ok) throw new Error(`status ${String(response.status)}`);
        const blob = await response.blob();
        if (controller.signal.aborted) return;
        url = URL.createObjectURL(blob);
        setResult({ state: 'ready', url });
      } catch {
        if (!controller.signal.aborted) setResult({ state: 'failed' });
      }
    })();
    return () => {
      controller.abort();
      if (url !== null) URL.revokeObjectURL(url);
    };
  }, [attachmentId, session.serverUrl, session.token]);

  return result;
}
