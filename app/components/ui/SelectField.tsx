import type { ComponentProps, ReactNode } from "react";
import { Field } from "./Field";
import { Select } from "./Select";

/** A labelled select with its hint and error: a `Field` around a `Select` (options, placeholder, extra `<option>`s as children). */
export function SelectField({
  id,
  label,
  hint,
  error,
  className,
  ...select
}: Omit<ComponentProps<typeof Select>, "id" | "ref"> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      {(control) => <Select {...control} {...select} />}
    </Field>
  );
}
