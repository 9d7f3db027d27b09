/**
 * For WebKit, whose driver cannot report the console (WebKitGTK's WebDriver: no BiDi, no log
 * endpoint), and for Firefox beside its BiDi console: the test server puts this classic script first
 * in every page's <head>, before the page's policy and scripts, and the page reports to the server
 * what a reader's console would show as an error. Covered: uncaught errors and unhandled rejections
 * in the page, console.error and console.warn calls, CSP violations (securitypolicyviolation) and
 * resources that failed to load. Not covered: errors inside workers, and messages the engine logs
 * without an event (the server's list of requests and their statuses stands in for "failed to load
 * resource").
 */
export const PAGE_ERRORS_SCRIPT_PATH = '/__page-errors.js';
export const PAGE_ERRORS_REPORT_PATH = '/__page-errors';

export interface PageError {
  kind: 'uncaught' | 'unhandledrejection' | 'console.error' | 'console.warn' | 'csp' | 'load';
  text: string;
  page: string;
}

function watchPageErrors(reportPath: string) {
  const report = (kind: string, text: string) => {
    navigator.sendBeacon(reportPath, JSON.stringify({ kind, text, page: location.pathname + location.search }));
  };
  addEventListener(
    'error',
    (event: Event) => {
      if (event instanceof ErrorEvent) report('uncaught', `${event.message} (${event.filename}:${event.lineno})`);
      else {
        const target = event.target as HTMLElement & { src?: string; href?: string };
        report('load', `<${target.tagName.toLowerCase()}> ${target.src || target.href || ''}`);
      }
    },
    true,
  );
  addEventListener('unhandledrejection', (event) => {
    // Firefox gives a module that failed to load an empty stack: the reason's own text first.
    const reason = event.reason as Error | undefined;
    report('unhandledrejection', [String(reason), reason?.stack].filter(Boolean).join('\n'));
  });
  document.addEventListener('securitypolicyviolation', (event) =>
    report('csp', `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`),
  );
  for (const level of ['error', 'warn'] as const) {
    const original = console[level];
    console[level] = (...args: unknown[]) => {
      report(`console.${level}`, args.map(String).join(' '));
      original.apply(console, args);
    };
  }
}

export const PAGE_ERRORS_SCRIPT = `(${watchPageErrors.toString()})(${JSON.stringify(PAGE_ERRORS_REPORT_PATH)});\n`;
