/** The form field that carries the session's CSRF token (shared by server and browser code). */
export const CSRF_FIELD_NAME = "csrf";
