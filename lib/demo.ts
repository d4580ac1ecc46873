/** The local demo account: created on the embedded database only, and shown on the sign-in page there. */
export const DEMO_ACCOUNT = {
  email: "demo@example.com",
  password: "envelope-demo",
  name: "Demo learner",
} as const;
