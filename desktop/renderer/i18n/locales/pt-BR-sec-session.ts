/** The login screen's words for a sign-in refused after too many wrong passwords (pt-BR). */
export const ptBRSecSession = {
  signInLimits: {
    retryIn_one: 'Muitas tentativas. Tente novamente em {{count}} minuto.',
    retryIn_other: 'Muitas tentativas. Tente novamente em {{count}} minutos.',
  },
};
