"use client";

import { SaveStatus } from "./save-status";
import { UserMenu } from "./user-menu";

/** The header's corner for a signed-in learner: whether their writes are saved, and their account menu. */
export function LearnerCorner({ name, email }: { name: string | null; email: string }) {
  return (
    <>
      <SaveStatus />
      <UserMenu name={name} email={email} />
    </>
  );
}
