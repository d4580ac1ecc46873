export type NavLink = { href: string; label: string };

/**
 * The sections in the header. A section appears here when its pages exist; signed-out visitors see only the public ones.
 */
export function navigationFor(signedIn: boolean): NavLink[] {
  // Lessons, drills and the reference sheet work without an account; cases, reviews and progress live in one.
  // A learner's home is their plan for the day.
  const links: NavLink[] = [
    signedIn ? { href: "/today", label: "Today" } : { href: "/", label: "Home" },
    { href: "/learn", label: "Learn" },
    { href: "/practice", label: "Practice" },
  ];
  if (signedIn)
    links.push(
      { href: "/cases", label: "Cases" },
      { href: "/review", label: "Review" },
      { href: "/progress", label: "Progress" },
    );
  links.push({ href: "/reference", label: "Reference" });
  return links;
}
