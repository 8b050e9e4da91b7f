import 'i18next';
import type { ptBR } from './locales/pt-BR';

// Typed keys: a `t('...')` with a key missing from the resources fails to compile.
declare module 'i18next' {
  type CustomTypeOptions = {
    defaultNS: 'translation';
    resources: { translation: typeof ptBR };
  };
}
