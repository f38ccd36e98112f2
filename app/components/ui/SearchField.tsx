import { forwardRef, type InputHTMLAttributes, type ReactNode } from "react";
import { Button } from "./Button";
import { describe, FieldHint } from "./Field";

/**
 * A search box with its label (visible, or read only by screen readers where the page says what it
 * searches), an optional submit button beside it and a hint under it. The input is 48 px high and
 * takes the row's width; the button keeps its own.
 */
export const SearchField = forwardRef<
  HTMLInputElement,
  Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "id"> & {
    id: string;
    label: ReactNode;
    hideLabel?: boolean;
    hint?: ReactNode;
    /** The submit button's text; without it the box has no button. */
    buttonLabel?: ReactNode;
    testId?: string;
  }
>(function SearchField({ id, label, hideLabel, hint, buttonLabel, testId, className, ...input }, ref) {
  const { hintId } = describe(id, hint, undefined);
  return (
    <div className={["field search-field", className].filter(Boolean).join(" ")}>
      <label htmlFor={id} className={hideLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      <div className="search-box">
        <input ref={ref} id={id} type="search" aria-describedby={hintId} data-testid={testId} {...input} />
        {buttonLabel ? <Button type="submit">{buttonLabel}</Button> : null}
      </div>
      {hintId ? <FieldHint id={hintId}>{hint}</FieldHint> : null}
    </div>
  );
});
