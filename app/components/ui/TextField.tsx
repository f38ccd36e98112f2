import type { InputHTMLAttributes } from "react";
import { Field, splitFieldProps, type FieldFrame } from "./Field";

/** A labelled text input (text, e-mail, telephone, password, number) with its hint and error: a `Field` around an `<input>`. */
export function TextField({ type = "text", ...props }: Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & FieldFrame) {
  const [frame, input] = splitFieldProps(props);
  return <Field {...frame}>{(control) => <input {...control} type={type} {...input} />}</Field>;
}
