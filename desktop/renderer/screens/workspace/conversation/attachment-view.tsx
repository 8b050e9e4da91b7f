import { Anchor, Group, Image, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '@atendo/shared/schemas/message';
import { useAttachmentUrl } from '../../../data/use-attachment-url';
import { formatBytes } from '../../../i18n/error-text';
import { Icon } from '../../../ui/icons';

/** An image shows a preview; any other file (and an image that failed to load) a download link. */
export function AttachmentView({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const file = useAttachmentUrl(attachment.id);
  const label = t('message.attachment', {
    name: attachment.fileName,
    size: formatBytes(attachment.size),
  });
  const isImage = attachment.mimeType.startsWith('image/');
  return (
    <Stack gap={4} data-testid="attachment">
      {isImage && file.state === 'ready' && (
        <Image
          src={file.url}
          alt={attachment.fileName}
          maw={260}
          mah={260}
          fit="contain"
          radius="sm"
        />
      )}
      <Group gap={6} wrap="nowrap">
        <Icon name="file" size={16} />
        {file.state === 'ready' ? (
          <Anchor size="sm" href={file.url} download={attachment.fileName} truncate="end">
            {label}
          </Anchor>
        ) : (
          <Text size="sm" truncate="end" c={file.state === 'failed' ? 'red' : undefined}>
            {label}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
