import { ptBRSeatSuper } from './pt-BR-seat-super';
import { ptBRAdminCatalog } from './pt-BR-admin-catalog';
import { ptBRActions } from './pt-BR-actions';
import { ptBRSeat } from './pt-BR-seat';
import { ptBRSeatWa } from './pt-BR-seat-wa';
import { ptBRSending } from './pt-BR-sending';
import { ptBRSession } from './pt-BR-session';
import { ptBRWorkspace } from './pt-BR-workspace';
import { ptBRPrivacy } from './pt-BR-privacy';
import { ptBRQuickReplies } from './pt-BR-quick-replies';
import { ptBRSecSession } from './pt-BR-sec-session';
import { ptBRSecInputErrors } from './pt-BR-sec-input';
import { ptBRSecScope, ptBRSecScopeErrors } from './pt-BR-sec-scope';
import { ptBRAdminPeople } from './pt-BR-admin-people';

/**
 * Brazilian Portuguese, the default language: the words a Brazilian contact-center agent uses
 * (PRODUCT.md, "Vocabulary"). Every other locale must have exactly these keys.
 */
export const ptBR = {
  app: {
    name: 'Atendo',
    loading: 'Carregando…',
    themeLight: 'Tema claro',
    themeDark: 'Tema escuro',
    language: 'Idioma',
    logout: 'Sair',
    help: 'Atalhos de teclado',
    closeDialog: 'Fechar',
  },
  login: {
    title: 'Entrar no Atendo',
    subtitle: 'Use as credenciais fornecidas pelo seu supervisor.',
    serverUrl: 'Endereço do servidor',
    serverUrlHint: 'Definido pela política da sua empresa',
    email: 'E-mail',
    password: 'Senha',
    presence: 'Entrar como',
    submit: 'Entrar',
    invalidUrl: 'Informe um endereço http:// ou https:// válido',
    invalidEmail: 'Informe um e-mail válido',
    passwordRequired: 'Informe a senha',
    failed: 'Não foi possível entrar',
    wrongCredentials: 'E-mail ou senha incorretos.',
    unreachable: 'Não foi possível falar com o servidor em {{url}}. Verifique o endereço e a rede.',
    deactivated: 'Esta conta foi desativada. Fale com o administrador da sua empresa.',
    temporaryPassword: 'Senha provisória',
    changeTitle: 'Defina sua senha',
    changeHint: 'Sua senha atual é provisória. Escolha uma senha nova para entrar.',
    newPassword: 'Nova senha',
    confirmPassword: 'Confirme a nova senha',
    newPasswordShort: 'Use pelo menos {{count}} caracteres',
    passwordsDiffer: 'As senhas não conferem',
    submitNewPassword: 'Definir senha e entrar',
    weakPassword: {
      'too-short': 'A nova senha é curta demais: use pelo menos 10 caracteres.',
      'too-long': 'A nova senha é longa demais: use até 200 caracteres.',
      'too-common': 'Esta senha está entre as mais usadas. Escolha outra.',
      'too-few-kinds': 'Misture letras com números ou símbolos.',
      'contains-name': 'Não use seu nome ou e-mail na senha.',
      unchanged: 'Escolha uma senha diferente da provisória.',
    },
  },
  presence: {
    available: 'Disponível',
    away: 'Ausente',
    offline: 'Offline',
    change: 'Alterar status',
  },
  errors: {
    ...ptBRSecInputErrors,
    generic: 'Algo deu errado. Tente novamente.',
    network: 'Sem conexão com o servidor.',
    'invalid-input': 'Alguns dados estão inválidos. Confira os campos e tente de novo.',
    unauthenticated: 'Sua sessão expirou. Entre novamente.',
    'not-found': 'Não encontramos o que você procurava. Talvez tenha sido removido.',
    forbidden: 'Você não tem permissão para fazer isso.',
    conflict: 'Alguém alterou isso ao mesmo tempo. Os dados foram atualizados; tente de novo.',
    'contact-busy': 'Este contato já está em atendimento com {{ownerName}} neste canal.',
    'contact-busy-queued': 'Este contato já está em espera na fila deste canal.',
    'in-bot': 'O contato ainda está navegando no menu do bot deste canal.',
    'awaiting-csat': 'O atendimento anterior está pendente de avaliação do contato.',
    'inbound-only-channel': 'Este canal é receptivo: só responde, não inicia atendimentos.',
    'contact-unreachable':
      'Não há como escrever para este contato por este canal: falta o endereço dele aqui. Escolha outro canal.',
    'not-team-member': 'Você não faz parte desta equipe. Escolha uma das suas equipes.',
    'template-required':
      'A janela de 24 horas está fechada. Só é possível enviar um modelo de mensagem.',
    'template-not-found': 'Este modelo de mensagem não existe mais ou não está disponível.',
    'template-params-missing': 'Preencha todos os parâmetros do modelo de mensagem.',
    'attachment-type-not-allowed': 'Este tipo de arquivo não é aceito neste canal.',
    'attachment-too-large': 'O arquivo é maior que o limite de {{maxSize}} deste canal.',
    'attachment-not-supported': 'Este canal não aceita anexos.',
    'already-taken': 'Este atendimento já foi assumido por {{ownerName}}.',
    'invalid-transition': 'Este atendimento não está mais nesse estado. A tela foi atualizada.',
    'not-owner': 'Somente o responsável pelo atendimento pode fazer isso.',
    'not-participant': 'Você não participa mais deste atendimento.',
    'over-capacity': 'Você atingiu seu limite de atendimentos simultâneos.',
    'disposition-required': 'Escolha uma tabulação para finalizar este atendimento.',
    'disposition-invalid': 'Esta tabulação não pode ser usada. Escolha outra.',
    'tag-not-in-team': 'Esta tag não pertence à equipe do atendimento.',
    'history-forbidden': 'Você não tem permissão para ver este histórico.',
    'csat-not-pending': 'Este atendimento não está aguardando avaliação.',
    'contact-has-open-conversations':
      'Este contato tem {{count}} atendimento(s) em aberto. Encerre-os antes, ou escolha encerrá-los.',
    'password-change-required': 'Defina uma nova senha para entrar: a senha atual é provisória.',
    'weak-password':
      'Esta senha é fraca demais. Use pelo menos 10 caracteres, misturando letras e números.',
    'already-exists': 'Já existe um cadastro com este valor. Use outro.',
    'team-in-use': 'Esta equipe ainda recebe atendimentos de um canal. Altere o canal primeiro.',
    'team-archived': 'Esta equipe está arquivada e não pode receber atendimentos.',
    'team-has-no-members': 'Esta equipe não tem membros para atender o canal.',
    'channel-archived': 'Este canal está arquivado.',
    'not-configured':
      'Este canal ainda não está configurado. Confira as credenciais no console de administração.',
    'rate-limited':
      'Muitas tentativas em pouco tempo. Aguarde {{retryAfterSeconds}} s e tente de novo.',
    ...ptBRSecScopeErrors,
  },
  hints: {
    'ask-supervisor':
      'Peça ao seu supervisor para finalizar ou transferir o atendimento para você pelo monitoramento.',
    'take-from-queue': 'Assuma o atendimento na lista "Em espera".',
    'use-another-channel': 'Escolha outro canal para iniciar o atendimento.',
  },
  ...ptBRWorkspace,
  ...ptBRActions,
  ...ptBRSending,
  ...ptBRSeat,
  ...ptBRSeatWa,
  ...ptBRSession,
  ...ptBRPrivacy,
  ...ptBRQuickReplies,
  ...ptBRSecSession,
  ...ptBRSeatSuper,
  ...ptBRSecScope,
  ...ptBRAdminCatalog,
  ...ptBRAdminPeople,
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every locale fills in: the same keys as pt-BR, any strings. */
export type Messages = Widen<typeof ptBR>;

export type WorkspaceMessages = Widen<typeof ptBRWorkspace>;
export type ActionMessages = Widen<typeof ptBRActions>;
export type SecScopeErrorMessages = Widen<typeof ptBRSecScopeErrors>;
export type SecScopeMessages = Widen<typeof ptBRSecScope>;
export type SendingMessages = Widen<typeof ptBRSending>;
export type SeatMessages = Widen<typeof ptBRSeat>;
export type SeatWaMessages = Widen<typeof ptBRSeatWa>;
export type SessionMessages = Widen<typeof ptBRSession>;
