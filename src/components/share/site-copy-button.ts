/**
 * <site-copy-button data-text="…" data-done="已复制">: copies its text when its button is pressed and
 * says so in its live region. Uses the Clipboard API, and a selected textarea with
 * document.execCommand('copy') where the API is missing or refused (older WeChat and in-app browsers).
 */
class SiteCopyButton extends HTMLElement {
  #timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback() {
    this.querySelector('button')?.addEventListener('click', () => void this.copy());
  }

  async copy() {
    const text = this.dataset.text ?? '';
    const copied = (await copyWithClipboardApi(text)) || copyWithSelection(text);
    this.announce(copied ? (this.dataset.done ?? '已复制') : '复制失败，请长按选择文字复制');
  }

  announce(message: string) {
    const status = this.querySelector<HTMLElement>('[role="status"]');
    if (!status) return;
    status.textContent = message;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (status.textContent = ''), 4000);
  }
}

async function copyWithClipboardApi(text: string): Promise<boolean> {
  if (!navigator.clipboard?.writeText) return false;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  area.setSelectionRange(0, text.length);
  try {
    // Deprecated, and still the only way to copy where the Clipboard API is missing.
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

customElements.define('site-copy-button', SiteCopyButton);
