/**
 * The image full screen in a modal <dialog>, for a browser that cannot download a file (WeChat's):
 * the reader long-presses it to save it. The close button, Escape and the browser's Back close it
 * (opening adds a history entry, so Back closes the image instead of leaving the page); focus then
 * returns to the control that opened it. Its look is in Downloads.astro.
 */
export interface ShownImage {
  src: string;
  alt: string;
  /** The control that opened the image: focus returns to it. */
  opener: HTMLElement;
  /** Called once the image is closed, e.g. to revoke an object URL. */
  onClose?: () => void;
}

const HINT = '长按图片保存到手机';

interface Viewer {
  dialog: HTMLDialogElement;
  image: HTMLImageElement;
}

/** The image shown now: what closing it must undo. */
interface Showing extends ShownImage {
  /** Whether the history entry Back takes away has been added yet (see showImage). */
  inHistory: boolean;
}

let viewer: Viewer | undefined;
let showing: Showing | undefined;
/** A close's history.back() is on its way; its popstate is not the reader's Back. */
let backPending = false;

function viewerElements(): Viewer {
  if (viewer) return viewer;
  const dialog = document.createElement('dialog');
  dialog.className = 'image-viewer';
  dialog.setAttribute('aria-describedby', 'image-viewer-hint');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'image-viewer-close';
  close.textContent = '关闭';
  close.setAttribute('aria-label', '关闭图片');
  close.addEventListener('click', () => closeImage('closed'));
  const image = document.createElement('img');
  image.className = 'image-viewer-image';
  const hint = document.createElement('p');
  hint.id = 'image-viewer-hint';
  hint.className = 'image-viewer-hint';
  hint.textContent = HINT;
  dialog.append(close, image, hint);
  // Escape (and Android's back gesture, which Chromium turns into the same cancel): closed here, at once,
  // rather than by the dialog's own later close event, so that an image opened right after is not undone.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    closeImage('closed');
  });
  addEventListener('popstate', () => {
    if (backPending) {
      backPending = false;
      if (showing && !showing.inHistory) addToHistory(showing);
      return;
    }
    closeImage('back');
  });
  document.body.append(dialog);
  viewer = { dialog, image };
  return viewer;
}

export function showImage(shown: ShownImage): void {
  const { dialog, image } = viewerElements();
  if (showing) closeImage('closed');
  image.src = shown.src;
  image.alt = shown.alt;
  dialog.setAttribute('aria-label', shown.alt);
  dialog.showModal();
  showing = { ...shown, inHistory: false };
  // Right after a close, its step back in history is still on its way: the entry is added once it lands.
  if (!backPending) addToHistory(showing);
}

/** The history entry the reader's Back takes away, closing the image instead of leaving the page. */
function addToHistory(entry: Showing) {
  history.pushState({ imageViewer: true }, '');
  entry.inHistory = true;
}

function closeImage(how: 'closed' | 'back') {
  const entry = showing;
  if (!entry || !viewer) return;
  showing = undefined;
  viewer.dialog.close();
  viewer.image.removeAttribute('src');
  // Closed by its button or Escape: take away the entry opening added, so that Back leaves the page as before.
  if (how === 'closed' && entry.inHistory) {
    backPending = true;
    history.back();
  }
  entry.opener.focus();
  entry.onClose?.();
}
