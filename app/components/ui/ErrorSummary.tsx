import { useEffect, useRef, type HTMLAttributes, type MouseEvent, type ReactNode } from "react";

export interface ErrorSummaryItem {
  key: string;
  /** `#<field id>`; without it the message is listed as text. */
  href?: string;
  text: ReactNode;
}

const CONTROLS = "input:not([type=hidden]), select, textarea, button";

/**
 * The list of what to fix, above a refused form. It takes focus each time `focusOn` changes (pass the
 * refused answer), so keyboard and screen-reader users start there; each item links to its field and
 * moves the focus into it, also when the id names a group or a label rather than the control.
 * `compact` is for a form inside a panel (match, request for help): a notice-sized alert under a
 * bold title instead of a box under a heading.
 */
export function ErrorSummary({
  title,
  items,
  focusOn,
  compact = false,
  className,
  ...rest
}: HTMLAttributes<HTMLDivElement> & {
  title: ReactNode;
  items: ErrorSummaryItem[];
  focusOn: unknown;
  compact?: boolean;
}) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length > 0) summary.current?.focus();
    // Focus follows a new answer, not every render of the same one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusOn]);
  if (items.length === 0) return null;
  const titleId = `${rest.id ?? "error-summary"}-title`;
  const Title = compact ? "strong" : "h2";
  return (
    <div
      ref={summary}
      tabIndex={-1}
      aria-labelledby={titleId}
      className={["form-error error-summary", compact ? "notice" : null, className].filter(Boolean).join(" ")}
      role={compact ? "alert" : undefined}
      {...rest}
    >
      <Title id={titleId} className="error-summary-title">
        {title}
      </Title>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            {item.href ? (
              <a href={item.href} onClick={focusField}>
                {item.text}
              </a>
            ) : (
              item.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function focusField(event: MouseEvent<HTMLAnchorElement>) {
  const id = decodeURIComponent(event.currentTarget.hash.slice(1));
  const target = document.getElementById(id);
  if (!target) return;
  const control =
    target.matches(CONTROLS) || target.tabIndex >= 0
      ? target
      : target instanceof HTMLLabelElement && target.control
        ? target.control
        : target.querySelector<HTMLElement>(CONTROLS);
  if (!control) return;
  event.preventDefault();
  control.focus();
  (target.closest("fieldset, .field, label") ?? target).scrollIntoView({ block: "center" });
}
