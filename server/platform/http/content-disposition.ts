/**
 * `Content-Disposition: attachment` for a download named `filename`, which may be Chinese: browsers take
 * the RFC 5987 `filename*=UTF-8''…` form; older clients the plain `filename="…"`, given `asciiFallback`
 * (or the name with every non-ASCII character replaced).
 */
export function attachment(filename: string, asciiFallback?: string): string {
  const plain = (asciiFallback ?? filename).replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${plain}"; filename*=UTF-8''${encoded}`;
}
