import Link from "next/link";

export type DrillCardProps = { id: string; title: string; skill: string; code?: string; detail?: string };

/** A drill in the practice list: its code, title and skill, and optionally how the learner has done. */
export function DrillCard({ id, title, skill, code, detail }: DrillCardProps) {
  return (
    <Link href={`/practice/${id}`} className="card block h-full hover:border-accent">
      {code && <span className="text-xs font-semibold uppercase tracking-wide text-muted">{code}</span>}
      <span className={`${code ? "mt-1 " : ""}block font-semibold`}>{title}</span>
      <span className="mt-1 block text-sm text-muted">{skill}</span>
      {detail && <span className="mt-2 block text-sm">{detail}</span>}
    </Link>
  );
}
