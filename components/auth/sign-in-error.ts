/**
 * The error codes next-auth (and lib/auth's authorize) send back to the sign-in page, each with a fixed sentence. Text
 * in `?error=` is never shown as it is: anyone can put anything in a link.
 */
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Email or password is wrong.",
  OAuthAccountNotLinked: "GitHub sign-in was refused. Use your email and password.",
  AccessDenied: "GitHub sign-in was refused. Use your email and password.",
  // Thrown by lib/auth's authorize when the account store cannot be reached (the reason stays in the server's log).
  SignInUnavailable: "Envelope could not check your password just now. Please try again in a moment.",
  SessionRequired: "Sign in to continue.",
};

const LOCKED = "Too many failed attempts for this email. Wait a few minutes and try again.";
const FALLBACK = "Sign-in failed. Please try again.";

/** The sentence for an error code from the sign-in page's `?error=`; null when there is none. */
export function describeSignInError(code: string | null | undefined): string | null {
  if (!code) return null;
  if (Object.hasOwn(MESSAGES, code)) return MESSAGES[code] ?? FALLBACK;
  // lib/auth's lock-out message carries its minutes; from a URL it is shown as one fixed sentence.
  if (code.startsWith("Too many")) return LOCKED;
  return FALLBACK;
}

/**
 * The sentence for the error of a sign-in made with `redirect: false`. That error comes from Envelope's own answer,
 * not from a link, so a lock-out keeps its minutes; everything else is the fixed sentence above.
 */
export function describeSignInResult(code: string | null | undefined): string | null {
  if (code && /^Too many failed attempts[\w .,]{0,120}$/.test(code)) return code;
  return describeSignInError(code);
}
