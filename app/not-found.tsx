import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="text-muted">There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <Link href="/" className="btn-primary">
        Go to the home page
      </Link>
    </div>
  );
}
