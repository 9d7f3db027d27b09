/** Weibo's share page for a URL: a plain link, so the page loads nothing from Weibo. */
export function weiboShareUrl({ url, title, image }: { url: string; title: string; image?: string }): string {
  const params = new URLSearchParams({ url, title });
  if (image) params.set('pic', image);
  return `https://service.weibo.com/share/share.php?${params}`;
}
