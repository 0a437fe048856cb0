/**
 * The headers every response of the inspector carries, refusals included: the page may load and
 * connect to nothing but this server, may not be framed, its types are not sniffed, and it sends
 * no referrer and shares no window or resource with other sites.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * How responses may be cached, unless a route says otherwise: not at all. The page, the session
 * and every refusal describe this server's state now; the bundled assets alone say `no-cache`
 * (kept, but asked about again each time), since a rebuilt parley serves new ones at the same path.
 */
export const DEFAULT_CACHE_CONTROL = 'no-store';

/** The methods that only read: any other is taken to change state, and must come from the page itself. */
const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * True when a request may change state: it only reads, or the browser says it comes from a page
 * this server served, since its Origin is this server's (the Host it was sent to, already checked)
 * and, where it says, `Sec-Fetch-Site` is same-origin. A request without either header came from
 * no web page (a browser sends Origin with every POST): it is let through, as from a command line.
 * Pure.
 */
export function isSameOriginOrReadOnly(
  method: string,
  headers: { origin?: string | undefined; host?: string | undefined; fetchSite?: string | undefined },
): boolean {
  if (READ_METHODS.has(method.toUpperCase())) return true;
  if (headers.fetchSite !== undefined && headers.fetchSite !== 'same-origin' && headers.fetchSite !== 'none')
    return false;
  if (headers.origin === undefined) return true;
  return headers.host !== undefined && headers.origin.toLowerCase() === `http://${headers.host.trim().toLowerCase()}`;
}
