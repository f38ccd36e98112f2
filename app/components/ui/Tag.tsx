import type { HTMLAttributes } from "react";

/** A small label beside a name: a sector, a service, or a warning such as "synthetic". */
export function Tag({ tone, className, ...rest }: HTMLAttributes<HTMLSpanElement> & { tone?: "synthetic" }) {
  return <span className={["tag", tone, className].filter(Boolean).join(" ")} {...rest} />;
}
