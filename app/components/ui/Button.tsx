import { Link, type LinkProps } from "@remix-run/react";
import { forwardRef, type ButtonHTMLAttributes } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger";

/** The classes app.css styles buttons by; a submit button is filled (primary) unless it says otherwise. */
function buttonClass(variant: ButtonVariant | undefined, small: boolean | undefined, className?: string): string {
  return [variant === "primary" || variant === "danger" ? variant : "", small ? "small" : "", className ?? ""]
    .filter(Boolean)
    .join(" ");
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; small?: boolean };

/** A 48 px button (36 px when small); `type` defaults to "button" so no button submits by accident. */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant, small, className, type = "button", ...rest },
  ref,
) {
  return <button ref={ref} type={type} className={buttonClass(variant, small, className) || undefined} {...rest} />;
});

/** A link that looks like a button, for actions that are navigations. */
export function ButtonLink({
  variant,
  small,
  className,
  ...rest
}: LinkProps & { variant?: ButtonVariant; small?: boolean }) {
  return <Link className={`button ${buttonClass(variant, small, className)}`.trim()} {...rest} />;
}
