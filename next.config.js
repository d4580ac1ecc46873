/**
 * The Content-Security-Policy sent with every response. It stops framing (clickjacking), `<base>` hijacking, plugins,
 * and forms that post elsewhere. It has no script-src: Next's App Router puts inline bootstrap scripts in every page,
 * which a script-src allows only with 'unsafe-inline' (little protection left) or a per-request nonce, and a nonce
 * forces every page to render per request, where lessons are rendered once and cached (design.md). mdx-bundler's
 * getMDXComponent (`new Function`) runs in the server component, so it would need nothing in the browser.
 */
const contentSecurityPolicy = [
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
  "form-action 'self'",
].join("; ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native and build-time packages stay out of the server bundle and load from node_modules.
  serverExternalPackages: ["@node-rs/argon2", "esbuild", "mdx-bundler", "pg"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
