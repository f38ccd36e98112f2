import type { HTMLAttributes } from "react";

/** A bordered block on the page: one result, one account, one portal. */
export function Card({
  as: Element = "section",
  className,
  ...rest
}: HTMLAttributes<HTMLElement> & { as?: "section" | "article" | "div" | "li" }) {
  return <Element className={["card", className].filter(Boolean).join(" ")} {...rest} />;
}
