import type { ptBRSecInputErrors } from './pt-BR-sec-input';

/** Sentences for the input-limit and file-content errors (issue 10). */
export const enSecInputErrors: typeof ptBRSecInputErrors = {
  'body-too-large': 'The request is too large for the server. Send less at once.',
  'attachment-content-mismatch':
    "The file's content does not match its declared type. It was not sent.",
};
