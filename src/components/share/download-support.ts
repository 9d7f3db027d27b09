/**
 * Whether this browser saves a file from <a download>. WeChat's in-app browser (its user agent says
 * MicroMessenger) ignores the attribute, so a reader there must long-press an image instead.
 */
export function canDownloadFiles(userAgent = navigator.userAgent): boolean {
  return !/MicroMessenger/i.test(userAgent) && 'download' in HTMLAnchorElement.prototype;
}
