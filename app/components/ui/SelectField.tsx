import type { ComponentProps } from "react";
import { Field, splitFieldProps, type FieldFrame } from "./Field";
import { Select } from "./Select";

/** A labelled select with its hint and error: a `Field` around a `Select` (options, placeholder, extra `<option>`s as children). */
export function SelectField(props: Omit<ComponentProps<typeof Select>, "id" | "ref"> & FieldFrame) {
  const [frame, select] = splitFieldProps(props);
  return <Field {...frame}>{(control) => <Select {...control} {...select} />}</Field>;
}
