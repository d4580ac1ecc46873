import { env } from "@/lib/env";

/** The origins this server answers as: the request's own URL, its Host (and X-Forwarded-Host/Proto), NEXTAUTH_URL. */
function ownOrigins(request: Request): Set<string> {
  const origins = new Set<string>();
  const url = new URL(request.url);
  origins.add(url.origin);
  const configured = env().NEXTAUTH_URL;
  if (configured) origins.add(new URL(configured).origin);
  const protocols = [url.protocol.replace(":", "")];
  const forwardedProto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  if (forwardedProto === "http" || forwardedProto === "https") protocols.push(forwardedProto);
  for (const header of ["host", "x-forwarded-host"]) {
    const host = request.headers.get(header)?.split(",")[0]?.trim();
    if (!host) continue;
    for (const protocol of protocols) {
      try {
        origins.add(new URL(`${protocol}://${host}`).origin);
      } catch {
        // A Host header that is not a host name adds nothing.
      }
    }
  }
  return origins;
}

/**
 * A state-changing request from another site is refused (403 with a message): when the browser sends `Origin`, it must
 * be this server's own origin (another port of the same host is another site); without `Origin`, a browser's
 * `Sec-Fetch-Site: cross-site` is refused too. Null when the request may go on. Tools that send neither (curl, tests)
 * are not browsers acting for a signed-in learner, and pass.
 */
export function refuseCrossSite(request: Request): Response | null {
  const origin = request.headers.get("origin");
  if (origin === null) {
    if (request.headers.get("sec-fetch-site") === "cross-site") return crossSite();
    return null;
  }
  let normalised: string;
  try {
    normalised = new URL(origin).origin;
  } catch {
    return crossSite(); // "null" (a sandboxed frame, a redirect from another site) or not a URL
  }
  return ownOrigins(request).has(normalised) ? null : crossSite();
}

function crossSite(): Response {
  return Response.json(
    { error: "This request came from another site. Envelope accepts changes only from its own pages." },
    { status: 403 },
  );
}
