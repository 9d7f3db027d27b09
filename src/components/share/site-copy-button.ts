/**
 * <site-copy-button data-text="…" data-done="已复制">: copies its text when its button is pressed and
 * says so in its live region. Uses the Clipboard API, and a selected textarea with
 * document.execCommand('copy') where the API is missing or refused (older WeChat and in-app browsers).
 * With data-html it copies rich HTML too, data-text being the plain alternative: a 公众号 editor,
 * 秀米 or 135编辑器 takes the HTML, a plain field the text.
 */
class SiteCopyButton extends HTMLElement {
  #timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback() {
    this.querySelector('button')?.addEventListener('click', () => void this.copy());
  }

  async copy() {
    const text = this.dataset.text ?? '';
    const html = this.dataset.html;
    const copied = (await (html === undefined ? copyWithClipboardApi(text) : copyRichWithClipboardApi(text, html))) || copyWithSelection(text, html);
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

/**
 * Both flavours in one clipboard item. Chromium, Safari and WKWebView (WeChat on iOS) have
 * ClipboardItem; WeChat's Android browser may refuse the write, and the copy event below takes over.
 */
async function copyRichWithClipboardApi(text: string, html: string): Promise<boolean> {
  if (!navigator.clipboard?.write || typeof ClipboardItem === 'undefined') return false;
  try {
    const blob = (data: string, type: string) => new Blob([data], { type });
    await navigator.clipboard.write([new ClipboardItem({ 'text/html': blob(html, 'text/html'), 'text/plain': blob(text, 'text/plain') })]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Copies a selected textarea. With html, the copy event that execCommand fires (in WebKit and WeChat's
 * browsers too) puts the HTML and the text on the clipboard in place of the selection, so rich HTML
 * still arrives where the Clipboard API is missing or refused. The textarea is selected even then: a
 * browser that copies only a selection would otherwise fire no event.
 */
function copyWithSelection(text: string, html?: string): boolean {
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData || html === undefined) return;
    event.clipboardData.setData('text/html', html);
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy);
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
    document.removeEventListener('copy', onCopy);
  }
}

customElements.define('site-copy-button', SiteCopyButton);
