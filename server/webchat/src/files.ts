import type { VisitorAttachment } from '../../src/channels/webchat/protocol';
import type { WidgetApi } from './api';
import { h } from './dom';
import type { StringKey } from './i18n';

type T = (key: StringKey) => string;

/** What a message bubble asks of the widget to show and save its files. */
export type FileActions = {
  /** Loads the image into `img` through the token-carrying API, as an object URL. */
  thumbnail: (img: HTMLImageElement, file: VisitorAttachment) => void;
  /** Fetches the file and hands it to the browser as a download named like the original. */
  save: (file: VisitorAttachment, button: HTMLButtonElement) => void;
};

// FileSaver.js waits this long before revoking: some browsers read the URL after click returns.
const REVOKE_DOWNLOAD_AFTER_MS = 40_000;

/**
 * Files need the visitor token, which an <img src> or a plain link cannot send, so each is
 * fetched and shown through an object URL. A thumbnail's URL lives while its image is on
 * screen: `release` revokes those whose image left `root` (a cleared or re-rendered list).
 */
export function createFileActions(
  api: WidgetApi,
  t: T,
  onError: (error: unknown, quiet: boolean) => void,
) {
  const thumbnails = new Map<HTMLImageElement, string>();

  const thumbnail = (img: HTMLImageElement, file: VisitorAttachment) => {
    api.file(file.id).then(
      (blob) => {
        // Gone before it arrived (the session ended): no URL to leak.
        if (!img.isConnected) return;
        const url = URL.createObjectURL(blob);
        thumbnails.set(img, url);
        img.src = url;
      },
      (error: unknown) => {
        img.replaceWith(
          h('span', { class: 'file-note' }, [`📄 ${file.fileName} — ${t('imageUnavailable')}`]),
        );
        // The note in the bubble says it; a refused token still ends the session.
        onError(error, true);
      },
    );
  };

  const save = (file: VisitorAttachment, button: HTMLButtonElement) => {
    button.disabled = true;
    api
      .file(file.id)
      .then((blob) => {
        const url = URL.createObjectURL(blob);
        const link = h('a', { href: url, download: file.fileName, hidden: '' });
        button.after(link);
        link.click();
        link.remove();
        setTimeout(() => {
          URL.revokeObjectURL(url);
        }, REVOKE_DOWNLOAD_AFTER_MS);
      })
      .catch((error: unknown) => {
        onError(error, false);
      })
      .finally(() => {
        button.disabled = false;
      });
  };

  const release = (root: Node) => {
    for (const [img, url] of thumbnails) {
      if (root.contains(img)) continue;
      URL.revokeObjectURL(url);
      thumbnails.delete(img);
    }
  };

  const actions: FileActions = { thumbnail, save };
  return { actions, release };
}
