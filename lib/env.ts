import { z } from "zod";

/**
 * The one reader of `process.env`. A bad value stops start-up with a message that names the variable.
 * `DATABASE_URL` is optional to the user: when it is unset, `npm start` starts an embedded PostgreSQL and sets it for
 * the server it launches.
 */
const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\/[^/]+/.test(value), {
    message: "must be a PostgreSQL URL such as postgresql://user:password@host:5432/envelope",
  });

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.union([postgresUrl, z.literal("").transform(() => undefined)]).optional(),
    NEXTAUTH_SECRET: optionalText.refine((value) => value === undefined || value.length >= 16, {
      message: "must be at least 16 characters (openssl rand -base64 32 makes a good one)",
    }),
    NEXTAUTH_URL: optionalText.pipe(
      z.url({ message: "must be the site's URL, such as https://envelope.example.com" }).optional(),
    ),
    GITHUB_ID: optionalText,
    GITHUB_SECRET: optionalText,
    ENVELOPE_DEMO_ACCOUNT: z.enum(["0", "1"]).default("0"),
    PORT: z.coerce.number().int().min(1).max(65_535).optional(),
    EMBEDDED_PG_DIR: optionalText,
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65_535).default(54_329),
    /**
     * How many reverse proxies in front of Envelope append the client's address to X-Forwarded-For (0: none, Next's own
     * server is reached directly). Sign-in and sign-up throttling read the client's address from that header.
     */
    ENVELOPE_TRUSTED_PROXIES: z.coerce
      .number({ message: "must be a whole number of proxies (0 when Envelope is reached directly)" })
      .int({ message: "must be a whole number of proxies (0 when Envelope is reached directly)" })
      .min(0, { message: "must be 0 or more (0 when Envelope is reached directly)" })
      .max(10, { message: "must be at most 10 proxies" })
      .default(0),
    /** Sign-ups allowed per client address per hour (more are answered 429). */
    ENVELOPE_SIGN_UPS_PER_HOUR: z.coerce
      .number({ message: "must be a whole number of sign-ups per hour, such as 5" })
      .int({ message: "must be a whole number of sign-ups per hour, such as 5" })
      .min(1, { message: "must be at least 1 sign-up per hour" })
      .max(100_000, { message: "must be at most 100000 sign-ups per hour" })
      .default(5),
    /** Where the lessons, cards and drills live (default: content/ in the project); tests point it at fixtures. */
    ENVELOPE_CONTENT_DIR: optionalText,
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.GITHUB_ID) !== Boolean(env.GITHUB_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: [env.GITHUB_ID ? "GITHUB_SECRET" : "GITHUB_ID"],
        message: "GitHub sign-in needs both GITHUB_ID and GITHUB_SECRET",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Parse an environment, or throw an error whose message lists every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "environment"}: ${issue.message}`);
  throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The validated environment of this process (parsed once). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
