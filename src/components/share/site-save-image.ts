import { canDownloadFiles } from './download-support';
import { showImage } from './image-viewer';

/**
 * <site-save-image data-alt="…"><a href="poster.png" download>保存图片</a></site-save-image>: the link
 * downloads the image; where downloads do not work (WeChat) it opens the image full screen to be
 * long-pressed instead. Without script the link still opens the image itself, which WeChat shows.
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

customElements.define('site-save-image', SiteSaveImage);
