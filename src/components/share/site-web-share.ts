/**
 * <site-web-share data-title data-text data-url>: the system share sheet, on browsers that have one.
 * Its button stays hidden elsewhere (most desktops), where the other share controls serve.
 */
class SiteWebShare extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    if (!button || typeof navigator.share !== 'function') return;
    button.hidden = false;
    button.addEventListener('click', () => {
      const { title = '', text = '', url = location.href } = this.dataset;
      // A dismissed share sheet rejects; nothing to report.
      navigator.share({ title, text, url }).catch(() => undefined);
    });
  }
}

customElements.define('site-web-share', SiteWebShare);
