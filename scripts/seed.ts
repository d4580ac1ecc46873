// Creates the local demo account. with-db runs it only on the embedded database, never against a DATABASE_URL
// the user configured. Run by hand with `npm run db:seed`.
import { disconnectDb } from "@/lib/progress";
// The account functions only: the package entry also loads next-auth's request helpers, which need Next itself.
import { registerUser } from "@/lib/auth/sign-in";
import { DEMO_ACCOUNT } from "@/lib/demo";

const result = await registerUser({
  email: DEMO_ACCOUNT.email,
  password: DEMO_ACCOUNT.password,
  name: DEMO_ACCOUNT.name,
});
console.log(
  result.ok
    ? `[envelope] demo account created: ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password}`
    : `[envelope] demo account ready: ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password}`,
);
await disconnectDb();
