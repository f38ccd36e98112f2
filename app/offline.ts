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
 *
 * The page hands over its server-rendered data with `remember`, instead of the clientLoader running
 * on hydration (`clientLoader.hydrate`): Remix 2 answers a route's first `serverLoader()` with the
 * server-rendered data even when that first call is a navigation to another URL that interrupted
 * hydration (remix-run/react-router #14871, fixed in React Router 7), so a filter chosen in the first
 * moment showed the old results under the new URL.
 */
export function keepLastData<Data extends object>(): ((
  serverLoader: () => Promise<Data>,
) => Promise<MaybeOffline<Data>>) & { remember: (data: Data) => void } {
  let last: Data | undefined;
  const load = async (serverLoader: () => Promise<Data>): Promise<MaybeOffline<Data>> => {
    try {
      last = await serverLoader();
      return last;
    } catch (error) {
      if (last !== undefined && isNetworkFailure(error)) return { ...last, offline: true };
      throw error;
    }
  };
  return Object.assign(load, {
    remember: (data: Data) => {
      last = data;
    },
  });
}
