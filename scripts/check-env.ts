// npm run build runs this first: a bad environment variable stops the build with a message that names it, as it
// stops `npm start` (the same schema, lib/env.ts), instead of surfacing later as a failed request.
import { parseEnv } from "@/lib/env";

try {
  parseEnv(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
