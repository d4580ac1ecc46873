import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { AuthOptions } from "next-auth";

// next-auth's own request handler (what /api/auth/* and getServerSession run). Its package does not export it, so it
// is loaded from next-auth's folder; the route handler itself needs Next's request scope, which tests do not have.

export type InternalResponse = {
  status?: number;
  body?: unknown;
  redirect?: string;
  cookies?: { name: string; value: string }[];
};

export type InternalRequest = {
  origin: string;
  action: string;
  method: string;
  providerId?: string;
  query?: Record<string, string>;
  body?: Record<string, string>;
  cookies?: Record<string, string>;
  headers: Record<string, string>;
};

const require = createRequire(import.meta.url);
const core: {
  AuthHandler: (params: { req: InternalRequest; options: AuthOptions }) => Promise<InternalResponse>;
} = require(join(dirname(require.resolve("next-auth")), "core", "index.js"));

export const AuthHandler = core.AuthHandler;
