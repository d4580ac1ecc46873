import zlib from "node:zlib";

/**
 * The JavaScript a page loads before anything else, in gzipped bytes: every `<script src>` of its server-rendered HTML,
 * each file once, compressed as a server would send it, except `nomodule` ones (the legacy polyfills, which every
 * browser that runs modules skips). What the learner downloads before the page works, computed from the build's output
 * rather than timed.
 */
export async function firstLoadJs(
  base: string,
  pagePath: string,
  cookie = "",
): Promise<{ bytes: number; files: number }> {
  const response = await fetch(`${base}${pagePath}`, { headers: cookie ? { cookie } : {} });
  if (!response.ok) throw new Error(`${pagePath} answered ${response.status}`);
  const html = await response.text();
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  const sources = new Set(
    tags
      .filter((tag) => !/\snomodule\b/i.test(tag))
      .flatMap((tag) => {
        const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
        return src ? [src] : [];
      }),
  );
  let bytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    bytes += zlib.gzipSync(body, { level: 9 }).length;
  }
  return { bytes, files: sources.size };
}
