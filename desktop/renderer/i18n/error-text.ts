import type { TFunction } from 'i18next';
import type { ApiFailure } from '../api/api-error';

/** A sentence in the agent's language for any failed call, with the details interpolated. */
export function errorText(t: TFunction, failure: ApiFailure): string {
  switch (failure.kind) {
    case 'network':
      return t('errors.network');
    case 'unknown':
      return t('errors.generic');
    case 'atendo': {
      const details = failure.details;
      if (failure.code === 'contact-busy' && (details.ownerName ?? null) === null) {
        return t('errors.contact-busy-queued');
      }
      const maxBytes = typeof details.maxBytes === 'number' ? details.maxBytes : null;
      return t(`errors.${failure.code}`, {
        ...details,
        ownerName: details.ownerName ?? details.ownerId ?? '—',
        maxSize: maxBytes === null ? '' : formatBytes(maxBytes),
      });
    }
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
