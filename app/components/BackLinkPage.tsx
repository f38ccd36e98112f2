import { Link } from "@remix-run/react";
import type { HTMLAttributes, ReactNode } from "react";

/** A page one step below another (a region's audit, a listing, a request): the way back comes first. */
export function BackLinkPage({
  backTo,
  backLabel,
  children,
  ...main
}: HTMLAttributes<HTMLElement> & { backTo: string; backLabel: ReactNode; children: ReactNode }) {
  return (
    <main className="page" {...main}>
      <p>
        <Link to={backTo}>← {backLabel}</Link>
      </p>
      {children}
    </main>
  );
}
