import type { HTMLAttributes } from "react";

export type NoticeTone = "info" | "error";

/**
 * A boxed message. `error` is announced at once (role=alert) and drawn in red; `live` makes an info
 * notice a polite status; otherwise it is read in place.
 */
export function Notice({
  tone = "info",
  live,
  as: Element = "p",
  className,
  ...rest
}: HTMLAttributes<HTMLElement> & { tone?: NoticeTone; live?: boolean; as?: "p" | "div" | "section" }) {
  const role = tone === "error" ? "alert" : live ? "status" : undefined;
  return <Element role={role} className={["notice", className].filter(Boolean).join(" ")} {...rest} />;
}
