import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { OutboxFlusher } from "@/components/exercise/outbox-flusher";
import { LearnerSync } from "@/components/layout/learner";
import { SiteHeader } from "@/components/layout/site-header";
import { ServiceWorkerRegistration } from "@/components/pwa/service-worker-registration";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Envelope: practise system-design interviews", template: "%s · Envelope" },
  description:
    "Short lessons, back-of-the-envelope estimations graded on the spot, case studies stage by stage, and spaced repetition.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1115" },
  ],
};

/**
 * The same for every page and every learner (no session is read here), so a page that reads none itself, such as a
 * lesson, is prerendered; the header, the outbox and the service worker learn who is signed in in the browser.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <LearnerSync />
        <OutboxFlusher />
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">
          {children}
        </main>
        <ServiceWorkerRegistration />
        <footer className="border-t border-border py-6 text-center text-sm text-muted">
          Envelope · practise system design one estimate at a time
        </footer>
      </body>
    </html>
  );
}
