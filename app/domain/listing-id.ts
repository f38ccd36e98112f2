/**
 * The shape of a listing id in a URL (`tp-daegu`, `f-27-1a2b3c4d5e`, an imported
 * call's portal id). Anything else — a NUL byte, a slash, 200 characters — is
 * no listing, and answers 404 before it reaches the database.
 */
const LISTING_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function isListingId(value: unknown): value is string {
  return typeof value === "string" && LISTING_ID.test(value);
}
