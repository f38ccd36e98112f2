import type { InputHTMLAttributes, ReactNode } from "react";
import { Field } from "./Field";

/** A labelled text input (text, e-mail, telephone, password, number) with its hint and error: a `Field` around an `<input>`. */
export function TextField({
  id,
  label,
  hint,
  error,
  className,
  type = "text",
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      {(control) => <input {...control} type={type} {...input} />}
    </Field>
  );
}
