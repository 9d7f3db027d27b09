import { canDownloadFiles } from './download-support';

/**
 * <site-press-kit>: where a ZIP cannot be downloaded (WeChat's in-app browser ignores <a download>
 * and cannot open a ZIP), the link gives way to a note saying so and a button copying the kit's link
 * for a browser that can. Without script the link stays: only WeChat fails it, and WeChat runs script.
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

customElements.define('site-press-kit', SitePressKit);
