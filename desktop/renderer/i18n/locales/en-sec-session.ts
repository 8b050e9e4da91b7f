import type { ptBRSecSession } from './pt-BR-sec-session';

/** The login screen's words for a sign-in refused after too many wrong passwords (English). */
export const enSecSession: typeof ptBRSecSession = {
  signInLimits: {
    retryIn_one: 'Too many attempts. Try again in {{count}} minute.',
    retryIn_other: 'Too many attempts. Try again in {{count}} minutes.',
  },
};
