/**
 * What is wrong with one input field, as a code with typed parameters. Every
 * validator of the app (API bodies, query strings, forms, CSV rows, files)
 * reports problems in this shape; ./render.ts turns them into the one error
 * body the app answers with.
 */

export interface IssueParams {
  required: undefined;
  one_value: undefined;
  wrong_type: { expected: "text" | "number" | "list" | "object" | "true_false" };
  not_a_number: undefined;
  not_whole: undefined;
  too_small: { min: number };
  too_large: { max: number };
  too_long: { max: number };
  too_many: { max: number };
  control_chars: undefined;
  unknown_value: { value: string };
  unknown_field: { name: string };
  unknown_ksic: { value: string };
  unknown_region: { value: string };
  date_format: undefined;
  year_format: undefined;
  period_order: undefined;
  url_scheme: undefined;
  email_format: undefined;
  phone_format: undefined;
  external_id_format: undefined;
  external_id_taken: undefined;
  external_id_repeated: { first: number };
  lat_lng: undefined;
  outside_korea: undefined;
  outside_region: undefined;
  address_not_placed: undefined;
  address_other_region: undefined;
  location_or_region: undefined;
  not_on_land: undefined;
  region_code_needed: undefined;
  outside_provinces: undefined;
  researchers_exceed_employees: undefined;
  radius_needs_near: undefined;
  password_too_short: { min: number };
  password_too_long: { max: number };
  password_guessable: undefined;
  password_incorrect: undefined;
  password_mismatch: undefined;
  role_invalid: undefined;
  region_required: undefined;
  region_not_allowed: undefined;
  body_not_json: undefined;
  body_not_object: undefined;
  body_too_large: { maxKb: number };
  content_type: { expected: string };
  csv_malformed: undefined;
  csv_empty: undefined;
  csv_no_rows: undefined;
  csv_column_missing: { column: string };
  csv_column_unknown: { column: string };
  csv_too_many_rows: { max: number };
  csv_mixed_encoding: { rows: string };
  csv_invalid_bytes: { rows: string };
  file_missing: undefined;
  file_too_large: { maxMb: number };
  not_found: undefined;
  area_unknown: undefined;
  area_ambiguous: undefined;
  sign_in_required: undefined;
  forbidden: undefined;
  method_not_allowed: { allowed: string };
  cross_site: undefined;
  rate_limited: { seconds: number };
  consent_required: undefined;
  unknown_target: undefined;
  region_for_program: undefined;
  inquiry_rate_limited: { retryAfterSeconds: number };
  honeypot: undefined;
  too_fast: { minSeconds: number };
  form_expired: undefined;
  inquiry_state: undefined;
  inquiry_erased: undefined;
  database_unavailable: undefined;
  import_running: undefined;
  import_plan_taken: undefined;
}

export type IssueCode = keyof IssueParams;

/** One problem: the field it belongs to (dotted for nested JSON, the column for CSV), its code and parameters. */
export type FieldIssue = {
  [C in IssueCode]: { field: string; code: C } & (IssueParams[C] extends undefined
    ? { params?: undefined }
    : { params: IssueParams[C] });
}[IssueCode];

/** A problem in a file row: the 1-based line of the file where the row starts (the header is line 1). */
export type RowIssue = FieldIssue & { row: number };

export type Checked<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** Builds an issue; parameters are required exactly when the code has them. */
export function issue<C extends IssueCode>(
  field: string,
  code: C,
  ...params: IssueParams[C] extends undefined ? [] : [IssueParams[C]]
): FieldIssue {
  return (params.length > 0 ? { field, code, params: params[0] } : { field, code }) as FieldIssue;
}
