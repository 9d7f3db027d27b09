import type { SaveImageRequest } from '../share/site-downloads';
import type { ChartData, DrawnChart } from './draw-chart';

/**
 * Resolves once the page has shown its first text. The chart code (about 55 KB gzipped) is fetched
 * only after it: on a slow phone connection, or a busy phone, a chart near the top of an achievement would
 * otherwise start loading before the first paint and share the connection with it (Lighthouse then
 * counts the chart code in the achievement's LCP: 1.5–1.9 s instead of under 1 s on a loaded machine).
 * Browsers without paint timing start at once.
 */
const firstContentfulPaint = new Promise<void>((resolve) => {
  if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) return resolve();
  new PerformanceObserver((list, observer) => {
    if (!list.getEntriesByName('first-contentful-paint').length) return;
    observer.disconnect();
    resolve();
  }).observe({ type: 'paint', buffered: true });
});

/**
 * <site-chart data-chart="{…}" data-file="muck-trucks-violations.png">: draws its canvas with Chart.js,
 * imported only when the chart comes near the viewport, and offers the drawn chart as a PNG. Before
 * that (and without JavaScript) the sentence and the table under it carry the same numbers; when the
 * chart cannot be drawn, the table opens in its place. The PNG is saved by the downloads script
 * (site-downloads.ts, in Downloads.astro), which opens it full screen where downloads do not work (WeChat).
 */
class SiteChart extends HTMLElement {
  #drawn: Promise<DrawnChart | undefined> | undefined;

  connectedCallback() {
    this.#observe();
    const button = this.querySelector<HTMLButtonElement>('.chart-download');
    button?.addEventListener('click', () => void this.#download(button));
  }

  #observe() {
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        this.#drawn = this.#draw();
      },
      { rootMargin: '200px 0px' },
    );
    void firstContentfulPaint.then(() => observer.observe(this));
  }

  async #draw(): Promise<DrawnChart | undefined> {
    try {
      const [{ drawChart }] = await Promise.all([import('./draw-chart'), document.fonts.ready]);
      const data = JSON.parse(this.dataset.chart ?? '') as ChartData;
      if (this.hasAttribute('data-failed')) this.#showFailure(false);
      const drawn = drawChart(this.querySelector('canvas')!, data);
      this.querySelector<HTMLButtonElement>('.chart-download')!.hidden = false;
      this.dataset.drawn = '';
      return drawn;
    } catch {
      // The chunk is gone (a page cached across a redeploy asks for an old file name), it failed to
      // arrive while the reader was on another page (a dropped connection, or WebKit failing a pending
      // import when it puts the page in its back/forward cache), or the data is malformed: the numbers
      // are all in the table, so show it instead of an empty box, and try again when the page is shown
      // again (Back), once per showing: WebKit loads a failed import again (Chromium and Firefox keep
      // it failed for the life of the page, and the table stays).
      this.#showFailure(true);
      addEventListener('pageshow', () => this.#observe(), { once: true });
      return undefined;
    }
  }

  /** The table and its note in the box's place (failed), or the box again. */
  #showFailure(failed: boolean) {
    this.querySelector<HTMLElement>('.chart-box')!.hidden = failed;
    this.querySelector<HTMLElement>('.chart-failure')!.hidden = !failed;
    this.querySelector('details')!.open = failed;
    this.toggleAttribute('data-failed', failed);
  }

  async #download(button: HTMLButtonElement) {
    const png = await (await this.#drawn)?.png();
    if (!png) return;
    const title = this.closest('figure')?.querySelector('.chart-title')?.textContent ?? '';
    const detail: SaveImageRequest = { image: png, filename: this.dataset.file ?? 'chart.png', alt: `图表：${title}` };
    button.dispatchEvent(new CustomEvent('save-image', { bubbles: true, detail }));
  }
}

customElements.define('site-chart', SiteChart);

// Print: a canvas cannot be resized for paper, so print shows each chart's build-time PNG and its
// table instead (see Chart.astro). The PNG is lazy, so a screen never fetches it, and Chromium does
// not load lazy images for printing: it is fetched now, and one that has not arrived is left out of
// this print (the table carries its numbers) rather than printed as an empty box.
addEventListener('beforeprint', () => {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('site-chart details:not([open])')) {
    details.open = true;
    details.dataset.openedForPrint = '';
  }
  for (const image of document.querySelectorAll<HTMLImageElement>('site-chart img.chart-print')) {
    image.loading = 'eager';
    if (!image.complete || image.naturalWidth === 0) {
      image.hidden = true;
      image.addEventListener('load', () => (image.hidden = false), { once: true });
    }
  }
});
addEventListener('afterprint', () => {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('details[data-opened-for-print]')) {
    details.open = false;
    delete details.dataset.openedForPrint;
  }
});
