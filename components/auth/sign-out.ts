import { forgetLearner } from "@/components/layout/learner";

/**
 * Sign out and load `callbackUrl` afresh, as next-auth's own `signOut` does (its CSRF token, then a form POST to
 * /api/auth/signout, which deletes the session's record and clears the cookie), without loading next-auth's client
 * into every page: the account menu that calls this is in the header of every page. This device forgets the learner
 * first, so the next page does not show them while it asks the server.
 */
export async function signOutAndReload(callbackUrl = "/"): Promise<void> {
  forgetLearner();
  let url = callbackUrl;
  try {
    const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken?: unknown };
    if (typeof csrf.csrfToken !== "string") throw new Error("no CSRF token");
    const response = await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl, json: "true" }),
    });
    const data = (await response.json()) as { url?: unknown };
    if (typeof data.url === "string" && data.url.startsWith(window.location.origin)) url = data.url;
  } catch {
    // The server could not be reached: the page is loaded again, and says who is signed in once it can.
  }
  window.location.href = url;
}
