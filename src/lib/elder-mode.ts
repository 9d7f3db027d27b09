/**
 * 长辈模式's stored choice and the class it puts on <html>: one place for the first-paint script in
 * every page and for the toggle (src/components/elder-mode/).
 */
export const ELDER_MODE = {
  /** localStorage key; its value is `on` or `off`. */
  storageKey: 'elder-mode',
  rootClass: 'elder',
} as const;

/**
 * A classic inline script that applies a stored 长辈模式 before anything of the page is painted, so a
 * reader who chose it never sees the page drawn small first and then enlarged. Storage can throw
 * (private browsing, disabled cookies): the page then shows the default mode.
 */
export const ELDER_FIRST_PAINT_SCRIPT = `try{if(localStorage.getItem(${JSON.stringify(ELDER_MODE.storageKey)})==="on")document.documentElement.classList.add(${JSON.stringify(ELDER_MODE.rootClass)})}catch(e){}`;
