import { ELDER_MODE } from '@/lib/elder-mode';

/**
 * 长辈模式: larger text, wider spacing, higher contrast; the choice follows the reader across pages.
 * The stored choice is applied before first paint by the inline script in BaseLayout; this element
 * only toggles it.
 */
function store(on: boolean) {
  try {
    localStorage.setItem(ELDER_MODE.storageKey, on ? 'on' : 'off');
  } catch {
    // Private browsing without storage: the mode still applies to this page.
  }
}

class SiteElderMode extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    if (!button) return;
    const root = document.documentElement;
    button.setAttribute('aria-pressed', String(root.classList.contains(ELDER_MODE.rootClass)));
    button.addEventListener('click', () => {
      const on = !root.classList.contains(ELDER_MODE.rootClass);
      root.classList.toggle(ELDER_MODE.rootClass, on);
      button.setAttribute('aria-pressed', String(on));
      store(on);
    });
  }
}

customElements.define('site-elder-mode', SiteElderMode);
