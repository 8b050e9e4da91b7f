/** Strings of signing out (the dialog and the login screen's notice), in pt-BR. */
export const ptBRSession = {
  signOut: {
    title: 'Sair do Atendo',
    intro: 'Você vai sair da sua conta neste computador.',
    erase: 'Apagar também os dados do Atendo deste computador',
    eraseHint:
      'Atendimentos, contatos, rascunhos e envios pendentes guardados aqui. O que já está no servidor volta quando você entrar de novo.',
    eraseForced:
      'Definido pela política da sua empresa: os dados deste computador são sempre apagados ao sair.',
    unsentTitle_one: '{{count}} item ainda não foi enviado ao servidor',
    unsentTitle_other: '{{count}} itens ainda não foram enviados ao servidor',
    unsentErase:
      'Mensagens ou alterações de contato feitas sem conexão. Se você apagar os dados deste computador, elas serão perdidas.',
    unsentKeep: 'Elas serão enviadas quando você entrar de novo neste computador.',
    confirm: 'Sair',
    confirmErase: 'Apagar e sair',
    pending: 'Saindo…',
    endedElsewhere: 'Sua sessão foi encerrada em outra janela ou computador. Entre novamente.',
    endedExpired: 'Sua sessão expirou. Entre novamente.',
    endedRevoked:
      'Sua sessão foi encerrada: a senha foi alterada ou o acesso foi revisto pelo administrador. Entre novamente.',
    endedUnknown: 'Sua sessão terminou. Entre novamente.',
    done: 'Você saiu do Atendo.',
    doneErased: 'Você saiu do Atendo e os dados deste computador foram apagados.',
    serverNotEnded:
      'Você saiu deste computador, mas não foi possível encerrar a sessão no servidor (sem conexão ou recusada). Ela deixa de valer sozinha quando expirar.',
    serverNotEndedAt:
      'Você saiu deste computador, mas não foi possível encerrar a sessão no servidor (sem conexão ou recusada). Ela deixa de valer sozinha em {{when}}.',
    eraseFailed:
      'Não foi possível apagar os dados deste computador. Feche o Atendo e tente sair de novo com a opção de apagar marcada.',
  },
} as const;
