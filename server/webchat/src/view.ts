import { isInlineImage } from '../../src/channels/webchat/inline-images';
import type { VisitorAttachment, VisitorMessage } from '../../src/channels/webchat/protocol';
import { h } from './dom';
import type { FileActions } from './files';
import type { StringKey } from './i18n';
import { WIDGET_CSS } from './styles';

type T = (key: StringKey) => string;

/** Every element the controller touches, built once inside a shadow root. */
export type WidgetView = ReturnType<typeof buildView>;

export function buildView(host: HTMLElement, t: T) {
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
  const intro = h('form', { class: 'intro' }, [
    h('p', {}, [t('intro')]),
    h('label', {}, [t('name'), nameInput]),
    h('label', {}, [t('email'), emailInput]),
    h('button', { class: 'primary', type: 'submit' }, [t('start')]),
  ]);
  const textInput = h('input', {
    type: 'text',
    name: 'text',
    maxlength: '4096',
    placeholder: t('placeholder'),
    autocomplete: 'off',
  });
  const fileInput = h('input', { type: 'file', name: 'file' });
  const composer = h('form', { class: 'composer', hidden: '' }, [
    h('label', { title: t('attach') }, ['📎', fileInput]),
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
  return {
    ...{ launcher, closeButton, panel, status, list, error, intro, nameInput, emailInput },
    ...{ composer, textInput, fileInput, csat, scoreButtons, csatComment, csatSend },
  };
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
