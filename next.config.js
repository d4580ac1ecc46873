/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native and build-time packages stay out of the server bundle and load from node_modules.
  serverExternalPackages: ["@node-rs/argon2", "esbuild", "mdx-bundler", "pg"],
};

export default nextConfig;
