"use client";

import Link from "next/link";
import { signOutAndReload } from "@/components/auth/sign-out";
import { DropdownMenu } from "radix-ui";

export type UserMenuProps = { name: string | null; email: string };

export function UserMenu({ name, email }: UserMenuProps) {
  const label = name ?? email;
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="btn-secondary max-w-[14rem]" aria-label={`Account menu for ${label}`}>
        <span className="truncate">{label}</span>
        <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12" fill="currentColor">
          <path d="M2 4l4 4 4-4z" />
        </svg>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-[12rem] rounded-md border border-border bg-surface p-1 text-sm shadow-lg"
        >
          <DropdownMenu.Label className="px-3 py-2 text-muted">{email}</DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Item asChild>
            <Link href="/account" className="block rounded px-3 py-2 outline-none data-[highlighted]:bg-accent-soft">
              Account
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className="cursor-pointer rounded px-3 py-2 outline-none data-[highlighted]:bg-accent-soft"
            onSelect={() => void signOutAndReload("/")}
          >
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
