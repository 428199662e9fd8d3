/**
 * Request paths as the router resolves them: it matches case-insensitively on the decoded path (`/API/…`,
 * `/%61pi/…` reach the same routes as `/api/…`), so every guard that looks at a path must compare the same way.
 */

/** The path decoded (kept raw when its escapes are malformed: the router cannot match it either), in lower case. */
export function routedPath(rawPath: string): string {
  let decoded = rawPath;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    // A malformed escape: keep the raw path.
  }
  return decoded.toLowerCase();
}

/** True when the path is under `prefix` (e.g. '/api'), in any letter case, escaped or not. */
export function isUnderPrefix(rawPath: string, prefix: string): boolean {
  const folder = `${prefix.replace(/\/+$/, '')}/`.toLowerCase();
  return routedPath(rawPath).startsWith(folder) || rawPath.toLowerCase().startsWith(folder);
}
