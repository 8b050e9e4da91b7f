/**
 * Sending and saving: the composer's limit, the outbox's waiting and failed states, what a
 * failed delivery means, and the contact form's limits (pt-BR, the default language).
 */
export const ptBRSending = {
  sending: {
    counter: '{{length}} / {{limit}}',
    counterLabel: '{{length}} de {{limit}} caracteres permitidos neste canal',
    tooLong:
      'A mensagem tem {{length}} caracteres e o limite deste canal é {{limit}}. Encurte o texto ou divida em mais mensagens.',
    textTooLong: 'A mensagem passa do limite de {{limit}} caracteres do canal.',
    retrying: '{{reason}} Nova tentativa às {{time}}.',
    edit: 'Editar',
    waiting: {
      network: 'Sem conexão com o servidor.',
      'server-error': 'O servidor está indisponível no momento.',
      'rate-limited': 'O servidor pediu uma pausa nos envios.',
      session: 'A sessão está sendo renovada.',
    },
    delivery: {
      'no-sender': 'Este tipo de canal ainda não envia mensagens.',
      'sender-error': 'O canal falhou ao enviar a mensagem. Tente de novo.',
      'no-address': 'O contato não pode ser alcançado por este canal (não há endereço dele aqui).',
      'channel-not-configured':
        'Este canal ainda não está configurado no servidor. Avise o administrador.',
      'empty-message': 'A mensagem estava vazia.',
      'template-required':
        'A janela de 24 horas fechou. Só é possível enviar um modelo de mensagem.',
      'window-closed':
        'A janela de 24 horas do WhatsApp fechou. Só é possível enviar um modelo de mensagem.',
      undeliverable: 'O WhatsApp não conseguiu entregar a mensagem a este número.',
      'ecosystem-limit':
        'O WhatsApp não entregou a mensagem para proteger o engajamento do contato. Ela não será reenviada automaticamente.',
      'rate-limited': 'O WhatsApp limitou os envios deste número. Tente de novo em instantes.',
      'pair-rate-limited':
        'Foram enviadas muitas mensagens a este contato em pouco tempo. Tente de novo em instantes.',
      'http-rate-limited': 'O WhatsApp limitou os envios. Tente de novo em instantes.',
      'server-error': 'O WhatsApp está instável no momento. Tente de novo mais tarde.',
      'network-error': 'O servidor não conseguiu falar com o WhatsApp. Tente de novo mais tarde.',
      whatsapp: 'O WhatsApp recusou a mensagem (código {{code}}).',
      http: 'O WhatsApp respondeu com um erro (HTTP {{status}}).',
      unknown: 'A mensagem não pôde ser entregue.',
    },
    contact: {
      nameTooLong: 'O nome pode ter até {{max}} caracteres (tem {{length}}).',
      tooManyPhones: 'Informe no máximo {{max}} telefones.',
      tooManyEmails: 'Informe no máximo {{max}} e-mails.',
      emailTooLong: 'O e-mail pode ter até {{max}} caracteres.',
      savedOffline: 'Alteração salva; será enviada quando a conexão voltar.',
      savedWaiting: 'Alteração enviada; o servidor ainda não confirmou.',
      refusedTitle: 'Alteração do contato não salva',
      refused: 'O servidor recusou a alteração: {{reason}}',
    },
  },
};
