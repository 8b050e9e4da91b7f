import type { Locale } from '@atendo/shared/schemas/common';

/** pt-BR whenever the OS or browser prefers any Portuguese; English otherwise. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower === 'pt' || lower.startsWith('pt-')) return 'pt-BR';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return preferred.length === 0 ? 'pt-BR' : 'en';
}
