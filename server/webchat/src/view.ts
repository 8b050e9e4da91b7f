import { isInlineImage } from '../../src/channels/webchat/inline-images';
import type { VisitorAttachment, VisitorMessage } from '../../src/channels/webchat/protocol';
import { h, paperclipIcon } from './dom';
import type { FileActions } from './files';
import type { PreChatField } from '@atendo/shared/schemas/admin/channels';
import type { StringKey } from './i18n';
import { WIDGET_CSS } from './styles';

type T = (key: StringKey) => string;

/** Every element the controller touches, built once inside a shadow root. */
export type WidgetView = ReturnType<typeof buildView>;

export function buildView(host: HTMLElement, t: T, questions: readonly PreChatField[] = []) {
  const root = host.attachShadow({ mode: 'open' });
  const launcher = h('button', { class: 'launcher', type: 'button', part: 'launcher' }, [
    t('open'),
  ]);
  const closeButton = h('button', { type: 'button', 'aria-label': t('close') }, ['×']);
  const status = h('div', { class: 'status', role: 'status' });
  const list = h('div', { class: 'body', role: 'log', 'aria-live': 'polite' });
  const error = h('div', { class: 'error', role: 'alert' });
  const nameInput = h('input', { name: 'name', required: '', maxlength: '200' });
  const emailInput = h('input', { name: 'email', type: 'email', required: '', maxlength: '254' });
  const extraInputs = questions.map((question) => ({
    key: question.key,
    label: question.label,
    required: question.required,
    input: questionInput(question),
  }));
  const greeting = h('p', {}, [t('intro')]);
  const intro = h('form', { class: 'intro' }, [
    greeting,
    h('label', {}, [t('name'), nameInput]),
    h('label', {}, [t('email'), emailInput]),
    // Name and e-mail are always required; only the channel's optional questions say so.
    ...extraInputs.map(({ label, required, input }) =>
      h('label', {}, [required ? label : `${label} ${t('optional')}`, input]),
    ),
    h('button', { class: 'primary', type: 'submit' }, [t('start')]),
  ]);
  const textInput = h('input', {
    type: 'text',
    name: 'text',
    maxlength: '4096',
    placeholder: t('placeholder'),
    autocomplete: 'off',
  });
  const fileInput = h('input', {
    type: 'file',
    name: 'file',
    tabindex: '-1',
    'aria-hidden': 'true',
  });
  // A real button with a name and a tooltip; the file input itself stays hidden.
  const attachButton = h(
    'button',
    { type: 'button', class: 'attach', 'aria-label': t('attach'), title: t('attach') },
    [paperclipIcon()],
  );
  attachButton.addEventListener('click', () => {
    fileInput.click();
  });
  const composer = h('form', { class: 'composer', hidden: '' }, [
    attachButton,
    fileInput,
    textInput,
    h('button', { class: 'primary', type: 'submit' }, [t('send')]),
  ]);
  const scoreButtons = [1, 2, 3, 4, 5].map((score) =>
    h('button', { type: 'button', 'data-score': String(score), 'aria-pressed': 'false' }, [
      String(score),
    ]),
  );
  const csatComment = h('textarea', {
    rows: '2',
    maxlength: '1000',
    placeholder: t('csatComment'),
  });
  const csatSend = h('button', { class: 'primary', type: 'button', disabled: '' }, [t('csatSend')]);
  const csat = h('div', { class: 'csat', hidden: '' }, [
    h('strong', {}, [t('csatQuestion')]),
    h('div', { class: 'scores' }, scoreButtons),
    csatComment,
    csatSend,
  ]);
  const panel = h('section', { class: 'panel', hidden: '', 'aria-label': t('title') }, [
    h('header', {}, [h('span', {}, [t('title')]), closeButton]),
    status,
    intro,
    list,
    csat,
    error,
    composer,
  ]);
  root.append(h('style', {}, [WIDGET_CSS]), launcher, panel);
  keepNewestInView(list);
  return {
    ...{ launcher, closeButton, panel, status, list, error, intro, greeting },
    ...{ nameInput, emailInput, extraInputs },
    ...{ composer, textInput, fileInput, csat, scoreButtons, csatComment, csatSend },
  };
}

const INPUT_TYPE = { text: 'text', phone: 'tel', email: 'email' } as const;
const AUTOCOMPLETE = { text: 'off', phone: 'tel', email: 'email' } as const;

/** One of the channel's own questions, as the admin console set it (type, required). */
function questionInput(question: PreChatField): HTMLInputElement {
  return h('input', {
    name: `field-${question.key}`,
    type: INPUT_TYPE[question.type],
    autocomplete: AUTOCOMPLETE[question.type],
    maxlength: '200',
    ...(question.required ? { required: '' } : {}),
  });
}

/**
 * Whatever is added to the conversation (a message, the thank-you after the rating) is scrolled
 * into view, so the newest line is never left below the visible area.
 */
function keepNewestInView(list: HTMLElement): void {
  // Stuck to the bottom unless the visitor scrolled up to read; the list also shrinks when the
  // status bar grows (the "finalizado" line after the rating), which must not hide the end.
  let stuck = true;
  const toBottom = () => {
    list.scrollTop = list.scrollHeight;
  };
  list.addEventListener('scroll', () => {
    stuck = list.scrollTop + list.clientHeight >= list.scrollHeight - 24;
  });
  new MutationObserver(() => {
    stuck = true;
    toBottom();
  }).observe(list, { childList: true });
  new ResizeObserver(() => {
    if (stuck) toBottom();
  }).observe(list);
}

/** "14:05" today, "03/12 14:05" on another day, in the visitor's language. */
function formatTime(at: number, locale: string, now = Date.now()): string {
  const date = new Date(at);
  const today = new Date(now).toDateString() === date.toDateString();
  const options: Intl.DateTimeFormatOptions = today
    ? { hour: '2-digit', minute: '2-digit' }
    : { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** One bubble: the visitor's own on the right, agents' and the bot's (with a name) on the left. */
export function renderMessage(message: VisitorMessage, t: T, files: FileActions): HTMLElement {
  const side = message.kind === 'system' ? 'system' : message.direction;
  const bubble = h('div', { class: `msg ${side}`, 'data-id': message.id });
  if (message.direction === 'outbound' && message.kind !== 'system') {
    bubble.append(h('span', { class: 'author' }, [message.authorName ?? t('bot')]));
  }
  if (message.body) bubble.append(message.body);
  for (const file of message.attachments) bubble.append(renderFile(file, t, files));
  if (message.kind !== 'system') {
    const at = new Date(message.createdAt).toISOString();
    bubble.append(
      h('time', { class: 'time', datetime: at }, [formatTime(message.createdAt, t('locale'))]),
    );
  }
  return bubble;
}

/** An image as a thumbnail, anything else as its name; either saves the file when pressed. */
function renderFile(file: VisitorAttachment, t: T, files: FileActions): HTMLElement {
  const label = `${t('download')} ${file.fileName}`;
  const image = isInlineImage(file.mimeType);
  const button = h('button', {
    type: 'button',
    class: image ? 'thumb' : 'file',
    'aria-label': label,
    title: label,
  });
  if (image) {
    const img = h('img', { alt: file.fileName });
    button.append(img);
    files.thumbnail(img, file);
  } else button.append(`📄 ${file.fileName}`);
  button.addEventListener('click', () => {
    files.save(file, button);
  });
  return button;
}
