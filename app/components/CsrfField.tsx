import { CSRF_FIELD_NAME } from "~/auth/csrf";
import { useCsrfToken } from "~/root-data";

/** The session's CSRF token; every form that changes something includes it. */
export function CsrfField() {
  const token = useCsrfToken();
  return token ? <input type="hidden" name={CSRF_FIELD_NAME} value={token} /> : null;
}
