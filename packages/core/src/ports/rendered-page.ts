/**
 * A page as a browser renders it (the league's pages need scripts and a cookie click
 * before the data appears). The adapter is the scraper's browser helper.
 */
export interface RenderedPage {
  fetchHtml(url: string, options?: { acceptCookies?: boolean }): Promise<string>;
}
