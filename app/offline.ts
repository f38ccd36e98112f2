/**
 * A fetch that never reached the server (offline, connection dropped) rejects with a TypeError;
 * an answer the server gave (404, 500) comes back as a response or an error of another kind.
 */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError || (typeof navigator !== "undefined" && navigator.onLine === false);
}

export type MaybeOffline<Data> = Data & { offline?: true };

/**
 * For a route's clientLoader: passes the server's data through and remembers it; when the network
 * fails, answers the last data with `offline: true`, so the page keeps the results on screen and
 * says why they are not new. Other failures go on to the error boundary.
 */
export function keepLastData<Data extends object>(): (
  serverLoader: () => Promise<Data>,
) => Promise<MaybeOffline<Data>> {
  let last: Data | undefined;
  return async (serverLoader) => {
    try {
      last = await serverLoader();
      return last;
    } catch (error) {
      if (last !== undefined && isNetworkFailure(error)) return { ...last, offline: true };
      throw error;
    }
  };
}
