/** Sentences for the input-limit and file-content errors (issue 10). */
export const ptBRSecInputErrors = {
  'body-too-large': 'O pedido é grande demais para o servidor. Envie menos dados de uma vez.',
  'attachment-content-mismatch':
    'O conteúdo do arquivo não corresponde ao tipo informado. Ele não foi enviado.',
};
