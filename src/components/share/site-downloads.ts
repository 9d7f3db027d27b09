import { showImage } from './image-viewer';

// The downloads script: saving a file where the browser can, and WeChat's way where it cannot (a reader
// there gets the image full screen to long-press; the press kit's link gives way to a note and a button
// copying the link for a browser that can). One script for the press kit link, the share bar's 保存图片
// and a chart's 下载图片（PNG）, without imports once bundled: Astro inlines it, so it adds no request
// before the first paint (each module a page fetches first, and each chunk those import, kept the first
// paint above 1 s under Lighthouse's Slow 4G: docs/benchmarks.md, tests/build/first-paint.test.ts). A
// chart asks for its PNG to be saved with a `save-image` event rather than importing this module, which
// would split it into a chunk of its own.

/**
 * Whether this browser saves a file from <a download>. WeChat's in-app browser (its user agent says
 * MicroMessenger) ignores the attribute and cannot open a ZIP.
 */
function canDownloadFiles(): boolean {
  return !/MicroMessenger/i.test(navigator.userAgent) && 'download' in HTMLAnchorElement.prototype;
}

/** What `<site-chart>` dispatches, from the control the reader pressed, to have its PNG saved. */
export interface SaveImageRequest {
  image: Blob;
  /** The file name it is saved under. */
  filename: string;
  /** The image's description in the viewer. */
  alt: string;
}

declare global {
  interface WindowEventMap {
    'save-image': CustomEvent<SaveImageRequest>;
  }
}

addEventListener('save-image', (event) => {
  const { image, filename, alt } = event.detail;
  const opener = event.target as HTMLElement;
  const src = URL.createObjectURL(image);
  if (!canDownloadFiles()) {
    showImage({ src, alt, opener, onClose: () => URL.revokeObjectURL(src) });
    return;
  }
  const link = document.createElement('a');
  link.href = src;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(src), 0);
});

/**
 * <site-press-kit>: where a ZIP cannot be downloaded, the link gives way to a note saying so and a
 * button copying the kit's link for a browser that can. Without script the link stays: only WeChat
 * fails it, and WeChat runs script.
 */
class SitePressKit extends HTMLElement {
  connectedCallback() {
    if (canDownloadFiles()) return;
    const link = this.querySelector('a');
    const wechat = this.querySelector<HTMLElement>('.wechat');
    if (!link || !wechat) return;
    link.hidden = true;
    wechat.hidden = false;
  }
}

/**
 * <site-save-image data-alt="…"><a href="poster.png" download>保存图片</a></site-save-image>: the link
 * downloads the image; where downloads do not work it opens the image full screen instead. Without
 * script the link still opens the image itself, which WeChat shows.
 */
class SiteSaveImage extends HTMLElement {
  connectedCallback() {
    const link = this.querySelector('a');
    if (!link || canDownloadFiles()) return;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      showImage({ src: link.href, alt: this.dataset.alt ?? '', opener: link });
    });
  }
}

customElements.define('site-press-kit', SitePressKit);
customElements.define('site-save-image', SiteSaveImage);
