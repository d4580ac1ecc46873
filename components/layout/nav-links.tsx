"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavLinksProps = { links: { href: string; label: string }[] };

/** The section links; the current section is marked for screen readers and by an underline, not by colour alone. */
export function NavLinks({ links }: NavLinksProps) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="order-last w-full overflow-x-auto sm:order-none sm:w-auto">
      <ul className="flex gap-1">
        {links.map((link) => {
          const current = link.href === "/" ? pathname === "/" : pathname.startsWith(link.href);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-md px-2 py-2 text-sm font-medium hover:bg-accent-soft sm:px-3 ${
                  current ? "underline decoration-2 underline-offset-8" : "text-muted"
                }`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
