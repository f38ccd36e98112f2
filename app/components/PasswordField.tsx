import type { ReactNode } from "react";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/domain/accounts";
import { TextField } from "./ui";

/**
 * A password input with the account rules as limits: a password being chosen (`purpose="new"`) asks
 * for the minimum length and lets the browser suggest one; the current one is filled from its store.
 */
export function PasswordField({
  id,
  name,
  label,
  purpose,
}: {
  id: string;
  name: string;
  label: ReactNode;
  purpose: "current" | "new";
}) {
  return (
    <TextField
      id={id}
      name={name}
      label={label}
      type="password"
      autoComplete={purpose === "new" ? "new-password" : "current-password"}
      required
      minLength={purpose === "new" ? PASSWORD_MIN_LENGTH : undefined}
      maxLength={PASSWORD_MAX_LENGTH}
    />
  );
}
