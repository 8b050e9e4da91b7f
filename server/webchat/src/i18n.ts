import { contactNotice } from '@atendo/shared/rules/contact-notices';

export type WidgetLocale = 'pt-BR' | 'en';

const STRINGS = {
  'pt-BR': {
    locale: 'pt-BR',
    open: 'Fale conosco',
    close: 'Fechar',
    title: 'Atendimento',
    intro: 'Olá! Informe seu nome e e-mail para começar.',
    name: 'Nome',
    email: 'E-mail',
    optional: '(opcional)',
    start: 'Iniciar conversa',
    placeholder: 'Digite sua mensagem…',
    send: 'Enviar',
    attach: 'Anexar arquivo',
    you: 'Você',
    bot: 'Assistente',
    queued: contactNotice('pt-BR', 'queued'),
    active: 'Em atendimento',
    closed: 'Atendimento finalizado. Envie uma mensagem para começar outro.',
    csatQuestion: 'Como você avalia este atendimento?',
    csatComment: 'Comentário (opcional)',
    csatSend: 'Enviar avaliação',
    csatThanks: contactNotice('pt-BR', 'csatThanks'),
    reconnecting: 'Reconectando…',
    sessionExpired: 'Sua sessão de atendimento expirou. Informe seus dados para começar de novo.',
    unauthenticated: 'Sua sessão de atendimento não é mais válida. Informe seus dados novamente.',
    'attachment-too-large': 'O arquivo é grande demais.',
    'attachment-type-not-allowed': 'Este tipo de arquivo não é aceito.',
    'attachment-content-mismatch': 'O conteúdo do arquivo não corresponde ao tipo dele.',
    'invalid-input': 'Verifique os dados informados.',
    checkField: 'Verifique o campo “{field}”.',
    'csat-not-pending': 'Esta avaliação não está mais disponível.',
    'rate-limited': 'Muitas mensagens em pouco tempo. Aguarde um instante e tente de novo.',
    rateLimitedMessage:
      'Muitas mensagens em pouco tempo. Aguarde {seconds} s e envie de novo — seu texto foi mantido.',
    rateLimitedFile:
      'Muitas mensagens em pouco tempo. Aguarde {seconds} s e envie o arquivo de novo.',
    rateLimitedSession:
      'Muitas conversas iniciadas desta rede em pouco tempo. Aguarde {seconds} s e tente de novo.',
    error: 'Não foi possível enviar. Tente novamente.',
    download: 'Baixar',
    fileFailed: 'Não foi possível abrir o arquivo. Tente novamente.',
    imageUnavailable: 'imagem indisponível',
  },
  en: {
    locale: 'en',
    open: 'Chat with us',
    close: 'Close',
    title: 'Support',
    intro: 'Hi! Tell us your name and e-mail to start.',
    name: 'Name',
    email: 'E-mail',
    optional: '(optional)',
    start: 'Start chat',
    placeholder: 'Type your message…',
    send: 'Send',
    attach: 'Attach file',
    you: 'You',
    bot: 'Assistant',
    queued: contactNotice('en', 'queued'),
    active: 'Chatting with an agent',
    closed: 'This conversation is over. Send a message to start another.',
    csatQuestion: 'How would you rate this conversation?',
    csatComment: 'Comment (optional)',
    csatSend: 'Send rating',
    csatThanks: contactNotice('en', 'csatThanks'),
    reconnecting: 'Reconnecting…',
    sessionExpired: 'Your chat session has expired. Enter your details to start again.',
    unauthenticated: 'Your chat session is no longer valid. Enter your details again.',
    'attachment-too-large': 'The file is too large.',
    'attachment-type-not-allowed': 'This type of file is not accepted.',
    'attachment-content-mismatch': "The file's content does not match its type.",
    'invalid-input': 'Please check what you entered.',
    checkField: 'Please check “{field}”.',
    'csat-not-pending': 'This rating is no longer open.',
    'rate-limited': 'Too many messages in a short time. Please wait a moment and try again.',
    rateLimitedMessage:
      'Too many messages in a short time. Wait {seconds} s and send again — your text was kept.',
    rateLimitedFile: 'Too many messages in a short time. Wait {seconds} s and send the file again.',
    rateLimitedSession:
      'Too many chats started from this network in a short time. Wait {seconds} s and try again.',
    error: 'Could not send. Please try again.',
    download: 'Download',
    fileFailed: 'Could not open the file. Please try again.',
    imageUnavailable: 'image unavailable',
  },
} as const;

export type StringKey = keyof (typeof STRINGS)['en'];

/** Portuguese in any variant gets Brazilian Portuguese; everything else gets English. */
export const pickLocale = (language: string | undefined): WidgetLocale =>
  language?.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';

export const translator =
  (locale: WidgetLocale) =>
  (key: StringKey): string =>
    STRINGS[locale][key];

/** An error code from the server becomes a sentence when we know it, a generic one otherwise. */
export const errorText = (locale: WidgetLocale, code: string): string => {
  const table: Record<string, string> = STRINGS[locale];
  return table[code] ?? STRINGS[locale].error;
};

/** What a rate-limited request was doing, for the sentence that says what to do next. */
export type LimitedAction = 'message' | 'file' | 'session';

const LIMITED_KEY = {
  message: 'rateLimitedMessage',
  file: 'rateLimitedFile',
  session: 'rateLimitedSession',
} as const;

/** The rate limit's sentence, with the wait the server gave when it gave one. */
export const rateLimitedText = (
  locale: WidgetLocale,
  action: LimitedAction,
  seconds: number | null,
): string =>
  seconds === null
    ? STRINGS[locale]['rate-limited']
    : STRINGS[locale][LIMITED_KEY[action]].replace('{seconds}', String(seconds));
