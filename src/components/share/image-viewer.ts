/**
 * The image full screen in a modal <dialog>, for a browser that cannot download a file (WeChat's):
 * the reader long-presses it to save it. The close button, Escape and the browser's Back close it
 * (opening adds a history entry, so Back closes the image instead of leaving the page); focus then
 * returns to the control that opened it. Its look is in ImageViewer.astro.
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
let viewer: { dialog: HTMLDialogElement; image: HTMLImageElement } | undefined;

function viewerElements() {
  if (viewer) return viewer;
  const dialog = document.createElement('dialog');
  dialog.className = 'image-viewer';
  dialog.setAttribute('aria-describedby', 'image-viewer-hint');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'image-viewer-close';
  close.textContent = '关闭';
  close.setAttribute('aria-label', '关闭图片');
  close.addEventListener('click', () => dialog.close());
  const image = document.createElement('img');
  image.className = 'image-viewer-image';
  const hint = document.createElement('p');
  hint.id = 'image-viewer-hint';
  hint.className = 'image-viewer-hint';
  hint.textContent = HINT;
  dialog.append(close, image, hint);
  document.body.append(dialog);
  viewer = { dialog, image };
  return viewer;
}

export function showImage({ src, alt, opener, onClose }: ShownImage): void {
  const { dialog, image } = viewerElements();
  if (dialog.open) {
    onClose?.();
    return;
  }
  image.src = src;
  image.alt = alt;
  dialog.setAttribute('aria-label', alt);
  dialog.showModal();
  history.pushState({ imageViewer: true }, '');
  let leftByBack = false;
  const onPopState = () => {
    leftByBack = true;
    dialog.close();
  };
  addEventListener('popstate', onPopState);
  dialog.addEventListener(
    'close',
    () => {
      removeEventListener('popstate', onPopState);
      // Closed by its button or Escape: take back the history entry opening added, so that Back then leaves the page as before.
      if (!leftByBack) history.back();
      image.removeAttribute('src');
      opener.focus();
      onClose?.();
    },
    { once: true },
  );
}
