import { forwardRef, type SelectHTMLAttributes } from "react";

export interface SelectOption {
  value: string;
  label: string;
}

/** A native select; `placeholder` adds the empty first choice ("—", "all", …). */
export const Select = forwardRef<
  HTMLSelectElement,
  SelectHTMLAttributes<HTMLSelectElement> & { options?: readonly SelectOption[]; placeholder?: string }
>(function Select({ options = [], placeholder, children, ...rest }, ref) {
  return (
    <select ref={ref} {...rest}>
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
      {children}
    </select>
  );
});
