/** 长辈模式: larger text, wider spacing, higher contrast; the choice follows the reader across pages. */
const STORAGE_KEY = 'elder-mode';
const ROOT_CLASS = 'elder';

function stored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

function store(on: boolean) {
  try {
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // Private browsing without storage: the mode still applies to this page.
  }
}

document.documentElement.classList.toggle(ROOT_CLASS, stored());

class SiteElderMode extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    if (!button) return;
    button.setAttribute('aria-pressed', String(stored()));
    button.addEventListener('click', () => {
      const on = !document.documentElement.classList.contains(ROOT_CLASS);
      document.documentElement.classList.toggle(ROOT_CLASS, on);
      button.setAttribute('aria-pressed', String(on));
      store(on);
    });
  }
}

customElements.define('site-elder-mode', SiteElderMode);
