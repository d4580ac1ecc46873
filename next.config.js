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
