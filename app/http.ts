import type { HeadersFunction } from "@remix-run/node";

/**
 * For routes whose action answers 429: Remix builds a page's headers from the
 * route's `headers` export, not from the action's answer, so without this the
 * Retry-After the action set would be dropped from the page.
 */
export const keepRetryAfter: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};
