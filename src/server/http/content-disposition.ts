/**
 * `Content-Disposition: attachment` for a file offered for download (RFC 6266): a plain ASCII
 * `filename` that every client reads, and the exact name as `filename*` (RFC 8187, UTF-8
 * percent-encoded) for those that read it. Nothing in the name can end the header or the quoted
 * string: quotes, backslashes, control characters and non-ASCII letters are replaced in the ASCII
 * name, and everything but unreserved characters is percent-encoded in the other.
 */

/** The header value that offers `name` as an attachment. */
export function contentDisposition(name: string): string {
  const fallback =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]|["\\%;]/g, '_')
      .trim() || 'download';
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
