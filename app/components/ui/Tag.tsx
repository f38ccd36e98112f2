import type { HTMLAttributes } from "react";

/** A small label beside a name: a sector, a service, or a warning such as "synthetic" or "changed". */
export function Tag({
  tone,
  className,
  ...rest
}: HTMLAttributes<HTMLSpanElement> & { tone?: "synthetic" | "changed" }) {
  return <span className={["tag", tone, className].filter(Boolean).join(" ")} {...rest} />;
}
