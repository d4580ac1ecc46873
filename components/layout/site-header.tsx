"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useLearner } from "./learner";
import { NavLinks } from "./nav-links";
import { navigationFor } from "./navigation";

// The learner's corner (the save status and the account menu with its menu library) is never rendered on the server,
// where the learner is not known, so its code loads after the page's own rather than with every page's first load.
const LearnerCorner = dynamic(() => import("./learner-corner").then((m) => m.LearnerCorner), { ssr: false });

/**
 * The header of every page. Pages are rendered without the session, so it shows the learner once the browser knows
 * them (from this device at once, then from the server); until then the account corner stays empty rather than
 * offering to sign in someone who is signed in.
 */
export function SiteHeader() {
  const { source, learner: user } = useLearner();
  const links = navigationFor(user !== null);
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <EnvelopeMark />
          Envelope
        </Link>
        <NavLinks links={links} />
        <div className="ml-auto flex min-h-10 items-center gap-2">
          {source === "unknown" ? null : user ? (
            <LearnerCorner name={user.name} email={user.email} />
          ) : (
            <>
              <Link href="/sign-in" className="btn-secondary">
                Sign in
              </Link>
              <Link href="/sign-up" className="btn-primary">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

function EnvelopeMark() {
  return (
    <svg
      aria-hidden="true"
      width="24"
      height="24"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="M3 7l9 6 9-6" />
    </svg>
  );
}
