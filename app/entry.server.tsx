import { PassThrough, Transform, type TransformCallback } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { logger } from "~/log.server";
import { NonceContext } from "~/nonce";

const ABORT_DELAY = 5_000;

/**
 * React 18's streaming renderer leaves NUL bytes at the end of a 2,048-byte
 * chunk when a multi-byte character does not fit (facebook/react #24985, fixed
 * in React 19). Browsers turn them into U+FFFD inside attributes, and a form
 * posted without JavaScript would send them back as part of a value. HTML
 * never needs a NUL byte, so they are dropped on the way out.
 */
export class NulStripper extends Transform {
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    callback(null, chunk.includes(0) ? Buffer.from(chunk.filter((byte) => byte !== 0)) : chunk);
  }
}

/**
 * The page's scripts as a `Link` header: the browser fetches them as the response starts, instead of
 * when its parser reaches Remix's modulepreload links after the page's body (about 40 KB on `/`).
 */
export function modulePreloadHeader({ manifest, staticHandlerContext }: EntryContext): string {
  const routeModules = staticHandlerContext.matches.flatMap(({ route }) => {
    const entry = manifest.routes[route.id];
    return entry ? [...(entry.imports ?? []), entry.module] : [];
  });
  const modules = new Set([manifest.entry.module, ...manifest.entry.imports, ...routeModules]);
  return [...modules].map((href) => `<${href}>; rel=modulepreload`).join(", ");
}

/** Streams HTML; bots and crawlers get the whole document at once. */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  const nonce = loadContext.cspNonce;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          responseHeaders.append("Link", modulePreloadHeader(remixContext));
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(new NulStripper()).pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger().error({ err: error, url: request.url }, "render_failed");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
