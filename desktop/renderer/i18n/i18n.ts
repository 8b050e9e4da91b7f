import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { Locale } from '@atendo/shared/schemas/common';
import { en } from './locales/en';
import { ptBR } from './locales/pt-BR';
import { pickLocale } from './locale';

const STORAGE_KEY = 'atendo.locale';

export const resources = {
  'pt-BR': { translation: ptBR },
  en: { translation: en },
} as const;

/** The agent's explicit choice wins; otherwise the OS or browser languages decide. */
export function initialLocale(): Locale {
  const saved = Locale.safeParse(localStorage.getItem(STORAGE_KEY));
  if (saved.success) return saved.data;
  return pickLocale(navigator.languages);
}

export function saveLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
}

export async function initI18n(lng: Locale = initialLocale()): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'pt-BR',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return instance;
}
