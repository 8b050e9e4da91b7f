import type { TFunction } from 'i18next';
import { deliveryErrorKind } from '@atendo/shared/delivery-errors';
import { MAX_TEXT_LENGTH } from '@atendo/shared/rules/text-limits';
import type { DeliveryError } from '@atendo/shared/schemas/message';
import type { ApiFailure } from '../api/api-error';
import { diagnostics } from '../app/diagnostics';

const TEXT_FIELDS: ReadonlySet<unknown> = new Set(['text', 'body']);

/** A sentence in the agent's language for any failed call, with the details interpolated. */
export function errorText(t: TFunction, failure: ApiFailure): string {
  switch (failure.kind) {
    case 'network':
      return t('errors.network');
    case 'unknown':
      // The server's own words are for developers: to the log, never to the agent.
      diagnostics.warn({ message: failure.message }, 'unexpected failure');
      return t('errors.generic');
    case 'atendo': {
      const details = failure.details;
      if (failure.code === 'invalid-input' && TEXT_FIELDS.has(details.field)) {
        const limit = typeof details.limit === 'number' ? details.limit : MAX_TEXT_LENGTH;
        return t('sending.textTooLong', { limit });
      }
      if (failure.code === 'contact-busy' && (details.ownerName ?? null) === null) {
        // Without an ownerId the conversation is one the agent may not read: no queue is named.
        return t(
          'ownerId' in details ? 'errors.contact-busy-queued' : 'errors.contact-busy-someone',
        );
      }
      const maxBytes = typeof details.maxBytes === 'number' ? details.maxBytes : null;
      if (failure.code === 'attachment-too-large' && maxBytes === null) {
        return t('errorsMore.attachmentTooLarge');
      }
      if (failure.code === 'contact-has-open-conversations' && typeof details.count !== 'number') {
        return t('errorsMore.openConversations');
      }
      const text = t(`errors.${failure.code}`, {
        ...details,
        ownerName: details.ownerName ?? details.ownerId ?? '—',
        maxSize: maxBytes === null ? '' : formatBytes(maxBytes),
      });
      // A detail the sentence names but the server left out must not show as "{{name}}".
      if (!text.includes('{{')) return text;
      diagnostics.warn({ code: failure.code, details, message: failure.message }, 'detail missing');
      return t('errors.generic');
    }
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/**
 * A failed message's reason in the agent's language. The stored message is the channel's
 * technical text (which variable to set, which id is missing): it goes to the log only.
 */
export function deliveryErrorText(t: TFunction, error: DeliveryError | null): string {
  if (error === null) return t('sending.delivery.unknown');
  const kind = deliveryErrorKind(error.code);
  if (kind.kind !== 'known') {
    diagnostics.warn({ code: error.code, message: error.message }, 'delivery failed');
  }
  switch (kind.kind) {
    case 'known':
      return t(`sending.delivery.${kind.code}`);
    case 'whatsapp':
      return t('sending.delivery.whatsapp', { code: kind.metaCode });
    case 'http':
      return t('sending.delivery.http', { status: kind.status });
    case 'unknown':
      return t('sending.delivery.unknown');
  }
}
