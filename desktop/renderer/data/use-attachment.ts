import { useState } from 'react';
import type { ChannelKind } from '@atendo/shared/schemas/channel';
import { checkAttachment } from '@atendo/shared/rules/attachment-policy';
import type { ApiFailure } from '../api/api-error';
import { uploadAttachment } from '../api/upload';
import { useWorkspace } from './workspace-context';

/**
 * The file the agent is about to send. It is checked against the channel's rules as soon as it
 * is picked or dropped, so a refusal is explained before anything is uploaded.
 */
export function useAttachment(conversationId: string, channelKind: ChannelKind | null) {
  const { session } = useWorkspace();
  const [file, setFile] = useState<File | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [uploading, setUploading] = useState(false);

  const pick = (next: File) => {
    setFailure(null);
    if (channelKind === null) return;
    const decision = checkAttachment({
      channelKind,
      mimeType: next.type || 'application/octet-stream',
      size: next.size,
    });
    if (!decision.ok) {
      setFile(null);
      setFailure({ kind: 'atendo', code: decision.reason, details: decision.details, message: '' });
      return;
    }
    setFile(next);
  };

  /** Uploads the picked file and returns its attachment id, or null after explaining why not. */
  const upload = async (): Promise<string | null> => {
    if (file === null) return null;
    setUploading(true);
    try {
      const result = await uploadAttachment({
        serverUrl: session.serverUrl,
        token: session.token,
        conversationId,
        file,
      });
      if (!result.ok) {
        setFailure(result.failure);
        return null;
      }
      setFile(null);
      return result.attachment.id;
    } finally {
      setUploading(false);
    }
  };

  const clear = () => {
    setFile(null);
    setFailure(null);
  };

  return { file, failure, uploading, pick, upload, clear };
}
