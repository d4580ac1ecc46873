"use client";

import { AlertDialog } from "radix-ui";
import type { ReactNode } from "react";

export type ConfirmDialogProps = {
  trigger: string;
  triggerClassName?: string;
  title: string;
  description: ReactNode;
  confirm: string;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  children?: ReactNode;
};

/** A confirmation for a destructive action (Radix AlertDialog: focus trapped, Escape cancels). */
export function ConfirmDialog({
  trigger,
  triggerClassName = "btn-secondary",
  title,
  description,
  confirm,
  confirmDisabled,
  onConfirm,
  children,
}: ConfirmDialogProps) {
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger className={triggerClassName}>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/50" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg border border-border bg-surface p-6 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
          <AlertDialog.Description className="text-muted">{description}</AlertDialog.Description>
          {children}
          <div className="flex justify-end gap-3">
            <AlertDialog.Cancel className="btn-secondary">Cancel</AlertDialog.Cancel>
            <AlertDialog.Action className="btn-primary" disabled={confirmDisabled} onClick={onConfirm}>
              {confirm}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
