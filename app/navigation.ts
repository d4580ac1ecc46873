export type NavLink = { href: string; label: string };

/**
 * The sections in the header. A section appears here when its pages exist; signed-out visitors see only the public ones.
 */
export function navigationFor(signedIn: boolean): NavLink[] {
  const links: NavLink[] = [{ href: "/", label: "Home" }];
  if (signedIn)
    links.push(
      { href: "/learn", label: "Learn" },
      { href: "/practice", label: "Practice" },
      { href: "/cases", label: "Cases" },
      { href: "/review", label: "Review" },
      { href: "/progress", label: "Progress" },
    );
  links.push({ href: "/reference", label: "Reference" });
  return links;
}
