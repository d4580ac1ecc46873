import type { MetadataRoute } from "next";

/**
 * The web app manifest (served at /manifest.webmanifest, linked from every page by Next): what a browser needs to
 * install Envelope as an app that opens on Today, in its own window, in the site's colours.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/today",
    name: "Envelope: practise system-design interviews",
    short_name: "Envelope",
    description:
      "Short lessons, back-of-the-envelope estimations graded on the spot, case studies and spaced repetition.",
    start_url: "/today",
    scope: "/",
    display: "standalone",
    background_color: "#fbfaf7",
    theme_color: "#fbfaf7",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/apple-icon.png", sizes: "180x180", type: "image/png", purpose: "any" },
    ],
  };
}
