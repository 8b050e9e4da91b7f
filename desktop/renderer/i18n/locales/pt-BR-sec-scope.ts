/** Error sentences for contact identities (issue 10), in pt-BR; spread into `errors`. */
export const ptBRSecScopeErrors = {
  'address-proven':
    'Os endereços nos canais (o número do WhatsApp, o visitante do chat do site) são confirmados pelo próprio canal e não podem ser alterados aqui.',
  'phone-taken': 'O telefone {{phone}} já pertence a outro contato ({{contactName}}).',
} as const;
