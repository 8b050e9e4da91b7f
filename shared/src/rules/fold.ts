/** Case and accents folded ("João" → "joao"), so agents type fast without dead keys. */
export const foldForSearch = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
