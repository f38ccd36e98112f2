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

/** For routes whose loader and action both set headers (a no-store page whose action sets cookies): the action's win. */
export const loaderAndActionHeaders: HeadersFunction = ({ loaderHeaders, actionHeaders }) => {
  const merged = new Headers(loaderHeaders);
  actionHeaders.forEach((value, key) => merged.set(key, value));
  return merged;
};
