import type { ReactNode } from "react";

/** What a field hands its control: the id its label and error links point at, and its state. */
export interface FieldControlProps {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/** What a field shows around its control: the label, a hint and an error, on a wrapper with an optional class. */
export interface FieldFrame {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  className?: string;
}

/** A labelled control's props split into its field's frame and the control's own (`className` is the frame's). */
export function splitFieldProps<Props extends FieldFrame>({
  id,
  label,
  hint,
  error,
  className,
  ...control
}: Props): [FieldFrame, Omit<Props, keyof FieldFrame>] {
  return [{ id, label, hint, error, className }, control];
}

/**
 * A labelled control with an optional hint and error under it. The control comes from `children`,
 * which gets the id, `aria-invalid` and the `aria-describedby` naming the hint and the error, so a
 * screen reader reads them with the control and an error summary can link to `#id`.
 */
export function Field({
  id,
  label,
  hint,
  error,
  className,
  children,
}: FieldFrame & { children: (control: FieldControlProps) => ReactNode }) {
  const { hintId, errorId, describedBy } = describe(id, hint, error);
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": errorId ? true : undefined, "aria-describedby": describedBy })}
      {hintId ? <FieldHint id={hintId}>{hint}</FieldHint> : null}
      {errorId ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}

/**
 * The ids of a control's hint and error (`<id>-hint`, `<id>-error`), each only where there is one to
 * show, and the `aria-describedby` that names them.
 */
export function describe(
  id: string,
  hint: ReactNode,
  error: ReactNode,
): { hintId?: string; errorId?: string; describedBy?: string } {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error !== undefined && error !== null && error !== false && error !== "" ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

/** The grey line under a control that says what to enter or what happens. */
export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <small className="field-hint" id={id}>
      {children}
    </small>
  );
}

/** The red message under a control that says what is wrong with it. */
export function FieldError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p className="field-error" id={id}>
      {children}
    </p>
  );
}
