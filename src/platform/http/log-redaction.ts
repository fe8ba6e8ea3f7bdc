/**
 * What request logs may show of a URL. Some credentials travel in query strings — the feedback
 * tracking key (`key`) and the Open311 `api_key` — and access logs must not keep them.
 */
const SECRET_PARAMS = new Set(['key', 'api_key', 'token', 'access_token', 'password', 'tracking_key']);

/** The URL with the value of every secret query parameter replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const parts = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {}
      return SECRET_PARAMS.has(decoded.toLowerCase()) ? `${name}=[redacted]` : pair;
    });
  return `${url.slice(0, q)}?${parts.join('&')}`;
}
