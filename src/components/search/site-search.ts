import { UNDER_DEV_SERVER } from '@/lib/dev-server';
import { hasFilters, requestFromUrl, urlOfRequest, type SearchFilters } from '@/lib/search/filters';
import type { SearchHit } from '@/lib/search/hit';
import { SEARCH_TEXT, resultCountMessage, yearLabel } from '@/lib/search/messages';
import { normaliseQuery } from '@/lib/search/query';
import { searchEngine } from './engine';
import { markSearchedWords } from './mark-words';

/** Wait this long after the last keystroke before searching. */
const TYPING_PAUSE_MS = 120;

/**
 * `<site-search data-mode="popup">` in the header shows results under the box as you type;
 * `<site-search data-mode="page">` on /search/ shows them in the page, offers the topic and year
 * filters, and keeps all three in the URL (?q=&tag=&year=); filters alone list their achievements.
 * Without JavaScript both are plain forms that submit to /search/.
 */
class SiteSearch extends HTMLElement {
  #input!: HTMLInputElement;
  #panel!: HTMLElement;
  #status!: HTMLElement;
  #list!: HTMLOListElement;
  #note!: HTMLElement;
  #suggestions!: HTMLElement;
  #retry!: HTMLButtonElement;
  /** /search/ only. */
  #filters: { tag?: HTMLSelectElement | null; year?: HTMLSelectElement | null } = {};
  /** The page's built list of every achievement and what its status says of it, shown again when the query is emptied. */
  #initial: Node[] = [];
  #initialStatus = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #latest = 0;

  get #isPage() {
    return this.dataset['mode'] === 'page';
  }

  connectedCallback() {
    this.#input = this.querySelector('input[type="search"]')!;
    this.#panel = this.querySelector('.search-panel')!;
    this.#status = this.querySelector('.search-status')!;
    this.#list = this.querySelector('.search-results')!;
    this.#note = this.querySelector('.search-note')!;
    this.#suggestions = this.querySelector('.search-suggestions')!;
    this.#retry = this.querySelector('.search-retry')!;
    this.#filters = { tag: this.querySelector<HTMLSelectElement>('select[name="tag"]'), year: this.querySelector<HTMLSelectElement>('select[name="year"]') };
    this.#initial = [...this.#list.childNodes];
    this.#initialStatus = this.#status.textContent ?? '';

    // Warm the engine while the reader types; a failed start is retried by the search itself.
    if (!UNDER_DEV_SERVER) this.#input.addEventListener('focus', () => void searchEngine().catch(() => undefined), { once: true });
    this.#retry.addEventListener('click', () => {
      // The button hides while the search runs again: keep the focus in the box.
      this.#input.focus();
      void this.#run();
    });
    this.#input.addEventListener('input', () => this.#schedule());
    this.addEventListener('keydown', (event) => this.#onKey(event));
    if (this.#isPage) {
      this.querySelector('form')!.addEventListener('submit', (event) => {
        event.preventDefault();
        this.#remember('push');
        void this.#run();
      });
      for (const select of Object.values(this.#filters)) {
        select?.addEventListener('change', () => {
          this.#remember('push');
          void this.#run();
        });
      }
      window.addEventListener('popstate', () => this.#fromUrl());
      this.#fromUrl();
    } else {
      this.addEventListener('focusout', (event) => {
        if (!this.contains(event.relatedTarget as Node | null)) this.#close();
      });
    }
  }

  #fromUrl() {
    this.#input.value = new URLSearchParams(location.search).get('q') ?? '';
    const { tag, year } = requestFromUrl(location.search);
    if (this.#filters.tag) choose(this.#filters.tag, tag);
    if (this.#filters.year) choose(this.#filters.year, year);
    void this.#run();
  }

  /** The filters chosen: none in the header's box. */
  #chosenFilters(): SearchFilters {
    return { tag: this.#filters.tag?.value ?? '', year: this.#filters.year?.value ?? '' };
  }

  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (this.#isPage) this.#remember('replace');
      void this.#run();
    }, TYPING_PAUSE_MS);
  }

  /** Put the query and filters in the address bar: typing replaces the entry, submitting or filtering adds one for the back button. */
  #remember(how: 'push' | 'replace') {
    const url = urlOfRequest(location.pathname, { query: normaliseQuery(this.#input.value), ...this.#chosenFilters() });
    if (url === `${location.pathname}${location.search}`) return;
    if (how === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  async #run() {
    const query = normaliseQuery(this.#input.value);
    const filters = this.#chosenFilters();
    const run = ++this.#latest;
    if (!query && !hasFilters(filters)) {
      this.#showInitial();
      return;
    }
    this.#panel.hidden = false;
    // Under `astro dev` there is no index (the build writes it), and the simplified search would
    // answer differently: the panel says so (SearchBox.astro) and nothing is searched.
    if (UNDER_DEV_SERVER) return;
    this.#retry.hidden = true;
    this.#status.textContent = SEARCH_TEXT.loading;
    try {
      const engine = await searchEngine();
      const hits = await engine.search(query, filters);
      if (run !== this.#latest) return;
      this.#note.hidden = engine.mode !== 'fallback';
      this.#render(hits, query, filters);
    } catch {
      if (run !== this.#latest) return;
      this.#showFailure();
    }
  }

  /** Neither engine could start, or a search threw: say so, and offer to try again. */
  #showFailure() {
    this.#note.hidden = true;
    this.#suggestions.hidden = true;
    this.#list.replaceChildren();
    this.#status.textContent = SEARCH_TEXT.failed;
    this.#retry.hidden = false;
  }

  #showInitial() {
    this.#retry.hidden = true;
    this.#note.hidden = true;
    this.#suggestions.hidden = true;
    this.#list.replaceChildren(...this.#initial);
    this.#status.textContent = this.#initialStatus;
    if (!this.#isPage) this.#close();
  }

  #render(hits: SearchHit[], query: string, filters: SearchFilters) {
    this.#list.replaceChildren(...hits.map(hitItem));
    this.#status.textContent = resultCountMessage(hits.length, query, filters);
    this.#suggestions.hidden = hits.length > 0;
    if (!this.#isPage && hits.length > 0) this.#list.append(moreItem(query));
  }

  #close() {
    if (this.#isPage) return;
    this.#panel.hidden = true;
  }

  #onKey(event: KeyboardEvent) {
    const links = [...this.#panel.querySelectorAll<HTMLAnchorElement>('.search-suggestions:not([hidden]) a, .search-results a')];
    const at = links.indexOf(event.target as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && !this.#panel.hidden && links.length > 0) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)]!.focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      (at === 0 ? this.#input : links[at - 1]!).focus();
    } else if (event.key === 'Escape') {
      // First Esc closes the results under the header box; the next (or the first on /search/) clears the query.
      if (!this.#isPage && !this.#panel.hidden) {
        this.#close();
      } else {
        this.#input.value = '';
        if (this.#isPage) this.#remember('replace');
        void this.#run();
      }
      this.#input.focus();
    }
  }
}

function hitItem(hit: SearchHit): HTMLLIElement {
  const link = element('a', 'search-hit');
  link.href = hit.href;
  const excerpt = element('span', 'search-hit-excerpt');
  excerpt.append(...hit.excerpt.map((part) => (part.marked ? element('mark', '', part.text) : document.createTextNode(part.text))));
  const meta = element('span', 'search-hit-meta');
  meta.append(element('span', 'search-hit-year', yearLabel(hit.year)), element('span', 'search-hit-kicker', hit.kicker));
  link.append(meta, element('span', 'search-hit-title', hit.title), excerpt);
  const item = element('li');
  item.append(link);
  return item;
}

/** Select the option with this value; one the select does not offer (an old or mistyped link) means 全部. */
function choose(select: HTMLSelectElement, value: string) {
  select.value = [...select.options].some((option) => option.value === value) ? value : '';
}

function moreItem(query: string): HTMLLIElement {
  const link = element('a', 'search-more', '在搜索页查看全部结果 →');
  link.href = `/search/?${new URLSearchParams({ q: query })}`;
  const item = element('li');
  item.append(link);
  return item;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** `/` focuses the search box (the page's own on /search/), unless the reader is typing somewhere. */
function focusOnSlash(event: KeyboardEvent) {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement | null;
  if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
  const input =
    document.querySelector<HTMLInputElement>('site-search[data-mode="page"] input') ?? document.querySelector<HTMLInputElement>('site-search input');
  if (!input) return;
  event.preventDefault();
  input.focus();
  input.select();
}

customElements.define('site-search', SiteSearch);
document.addEventListener('keydown', focusOnSlash);
markSearchedWords();
