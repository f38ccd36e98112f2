import type { ReactNode } from "react";
import { FieldError } from "./Field";

export interface RadioOption {
  value: string;
  label: ReactNode;
}

/**
 * One question with one answer: a fieldset whose legend is the question, a 48 px row per choice (the
 * whole row is the click target; arrow keys move between choices, as in every browser), and the hint
 * and error read with the group. The group carries `id`, so an error summary can link to it.
 */
export function RadioGroup({
  id,
  name,
  legend,
  options,
  defaultValue,
  hint,
  error,
  className,
}: {
  id: string;
  name: string;
  legend: ReactNode;
  options: readonly RadioOption[];
  defaultValue?: string;
  hint?: ReactNode;
  error?: ReactNode;
  className?: string;
}) {
  const hasError = error !== undefined && error !== null && error !== false && error !== "";
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = hasError ? `${id}-error` : undefined;
  return (
    <fieldset
      id={id}
      role="radiogroup"
      className={["radio-group", className].filter(Boolean).join(" ")}
      aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      aria-invalid={hasError ? true : undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <small className="field-hint" id={hintId}>
          {hint}
        </small>
      ) : null}
      {hasError ? <FieldError id={errorId}>{error}</FieldError> : null}
      {options.map((option) => (
        <label className="radio" key={option.value}>
          <input type="radio" name={name} value={option.value} defaultChecked={defaultValue === option.value} />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
