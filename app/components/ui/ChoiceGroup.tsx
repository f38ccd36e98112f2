import type { ReactNode } from "react";
import { describe, FieldError, FieldHint } from "./Field";

export interface ChoiceOption {
  value: string;
  label: ReactNode;
}

interface ChoiceGroupProps {
  /** On the fieldset, so an error summary can link to the group. */
  id: string;
  name: string;
  legend: ReactNode;
  options: readonly ChoiceOption[];
  hint?: ReactNode;
  error?: ReactNode;
  className?: string;
}

/**
 * One question with one answer: a fieldset whose legend asks it and a 48 px row per choice (the whole
 * row is the click target; arrow keys move between the choices, as in every browser). The hint and
 * the error sit under the legend and are read with the group.
 */
export function RadioGroup({ defaultValue, ...group }: ChoiceGroupProps & { defaultValue?: string }) {
  return <ChoiceGroup {...group} type="radio" checked={(value) => value === defaultValue} />;
}

/** One question with any number of answers, laid out as `RadioGroup`; Tab moves between the boxes. */
export function CheckboxGroup({ defaultValues, ...group }: ChoiceGroupProps & { defaultValues: readonly string[] }) {
  return <ChoiceGroup {...group} type="checkbox" checked={(value) => defaultValues.includes(value)} />;
}

function ChoiceGroup({
  id,
  name,
  legend,
  options,
  hint,
  error,
  className,
  type,
  checked,
}: ChoiceGroupProps & { type: "radio" | "checkbox"; checked: (value: string) => boolean }) {
  const { hintId, errorId, describedBy } = describe(id, hint, error);
  return (
    <fieldset
      id={id}
      // aria-invalid belongs to a radiogroup, not to a plain group of checkboxes.
      role={type === "radio" ? "radiogroup" : undefined}
      className={["choice-group-field", className].filter(Boolean).join(" ")}
      aria-describedby={describedBy}
      aria-invalid={type === "radio" && errorId ? true : undefined}
      data-invalid={errorId ? "true" : undefined}
    >
      <legend>{legend}</legend>
      {hintId ? <FieldHint id={hintId}>{hint}</FieldHint> : null}
      {errorId ? <FieldError id={errorId}>{error}</FieldError> : null}
      {options.map((option) => (
        <label className={type} key={option.value}>
          <input type={type} name={name} value={option.value} defaultChecked={checked(option.value)} />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
