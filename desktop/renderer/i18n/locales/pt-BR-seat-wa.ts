/**
 * WhatsApp numbers and starting conversations (issue #11): the window of another number, the
 * channels a contact can be reached on, the team of a started conversation.
 */
export const ptBRSeatWa = {
  seatWa: {
    otherNumber:
      'O contato escreveu para outro número há {{ago}}; por este número é preciso um modelo.',
    team: 'Equipe do atendimento',
    teamHint: 'Você faz parte de mais de uma equipe: escolha a deste atendimento.',
    checking: 'Verificando se o contato está livre neste canal…',
    unavailable: '{{channel}} — {{reason}}',
    channelHint: 'Canais indisponíveis para este contato aparecem desativados, com o motivo.',
    reason: {
      phone: 'o contato não tem telefone',
      'webchat-visitor': 'o contato nunca usou o chat do site',
      email: 'o contato não tem e-mail',
      'channel-address': 'o contato nunca escreveu por este canal',
      'inbound-only-channel': 'receptivo: só responde',
      'channel-archived': 'canal arquivado',
    },
  },
};
