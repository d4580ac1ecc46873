const PLACEHOLDER_ORIGIN = "http://envelope.invalid";
const MAX_RETURN_PATH = 2048;

/** One form of the value is safe when it is printable ASCII, has no backslash, and cannot be read as `//host`. */
function looksSafe(value: string): boolean {
  // Control characters (tab, line breaks, NUL), space, DEL and anything above ASCII are refused: browsers drop tabs and
  // line breaks (so `/\t/evil.example` becomes `//evil.example`), and a Location header cannot carry U+0100 and up.
  if (!/^[\x21-\x7e]*$/.test(value)) return false;
  if (value.includes("\\")) return false; // `/\evil.example` is `//evil.example` to a browser
  return value.startsWith("/") && !value.startsWith("//");
}

/**
 * A same-origin path to return to after signing in or up; anything else (another origin, `//host`, `/\host`, a scheme,
 * control characters or their percent-encodings, malformed `%` sequences, non-ASCII text) becomes `/`. The one place
 * a return address is checked: the sign-in and sign-up pages and next-auth's redirect callback all call it.
 */
export function safeReturnPath(value: unknown): string {
  const path = Array.isArray(value) ? (value[0] as unknown) : value;
  if (typeof path !== "string" || path === "" || path.length > MAX_RETURN_PATH) return "/";
  // Check the value as sent and as it reads once or twice percent-decoded, so no later decoding can turn it off-site.
  let form = path;
  for (let round = 0; round < 3; round++) {
    if (!looksSafe(form)) return "/";
    let decoded: string;
    try {
      decoded = decodeURIComponent(form);
    } catch {
      return "/";
    }
    if (decoded === form) break;
    form = decoded;
  }
  let url: URL;
  try {
    url = new URL(path, PLACEHOLDER_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * next-auth's redirect callback: a same-origin path or a URL on `baseUrl` is kept (as a URL on `baseUrl`); anything
 * else goes home.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  let path = url;
  if (!url.startsWith("/")) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return base.origin + "/";
    }
    if (parsed.origin !== base.origin) return base.origin + "/";
    path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  }
  return base.origin + safeReturnPath(path);
}
