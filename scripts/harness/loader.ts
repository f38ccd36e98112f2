import type { Services } from "../../app/services.server";

type Loader = (args: {
  request: Request;
  context: { services: Services };
  params: Record<string, string>;
}) => Promise<unknown>;

/** Calls a route's loader as Remix would, and returns its Response. */
export async function callLoader(
  loader: unknown,
  services: Services,
  path: string,
  params: Record<string, string> = {},
): Promise<Response> {
  try {
    const result = await (loader as Loader)({
      request: new Request(`http://localhost${path}`),
      context: { services },
      params,
    });
    if (!(result instanceof Response)) throw new Error(`${path}: the loader did not answer with a Response`);
    return result;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
