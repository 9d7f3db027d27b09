import type { ChartData, DrawnChart } from './draw-chart';

/**
 * Resolves once the page has shown its first text. The chart code (about 55 KB gzipped) is fetched
 * only after it: on a slow phone connection, or a busy phone, a chart near the top of a section would
 * otherwise start loading before the first paint and share the connection with it (Lighthouse then
 * counts the chart code in the section's LCP: 1.5–1.9 s instead of under 1 s on a loaded machine).
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
 * that (and without JavaScript) the sentence and the table under it carry the same numbers.
 */
class SiteChart extends HTMLElement {
  #drawn: Promise<DrawnChart> | undefined;

  connectedCallback() {
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        this.#drawn = this.#draw();
      },
      { rootMargin: '200px 0px' },
    );
    void firstContentfulPaint.then(() => observer.observe(this));
    this.querySelector('.chart-download')?.addEventListener('click', () => void this.#download());
  }

  async #draw(): Promise<DrawnChart> {
    const [{ drawChart }] = await Promise.all([import('./draw-chart'), document.fonts.ready]);
    const data = JSON.parse(this.dataset.chart ?? '{}') as ChartData;
    const drawn = drawChart(this.querySelector('canvas')!, data);
    this.querySelector<HTMLButtonElement>('.chart-download')!.hidden = false;
    this.dataset.drawn = '';
    return drawn;
  }

  async #download() {
    const png = await (await this.#drawn)?.png();
    if (!png) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(png);
    link.download = this.dataset.file ?? 'chart.png';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }
}

customElements.define('site-chart', SiteChart);

// Print: a canvas cannot be resized for paper, so print shows each chart's table instead (see Chart.astro).
addEventListener('beforeprint', () => {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('site-chart details:not([open])')) {
    details.open = true;
    details.dataset.openedForPrint = '';
  }
});
addEventListener('afterprint', () => {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('details[data-opened-for-print]')) {
    details.open = false;
    delete details.dataset.openedForPrint;
  }
});
