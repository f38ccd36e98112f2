import type { AppLoadContext } from "@remix-run/node";
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { BodyCounter, refuseUnread, type BodyRule } from "./body.server";

function remixHeaders(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

async function sendResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/** The Web Request Remix sees: the URL Express resolved, the headers, and the body through the counter. */
function remixRequest(req: ExpressRequest, res: ExpressResponse, controller: AbortController): Request {
  // As @remix-run/express does: req.hostname honours "trust proxy", the port comes from the forwarded host or Host.
  const port = [req.get("X-Forwarded-Host"), req.get("host")]
    .map((host) => Number.parseInt(host?.split(":")[1] ?? "", 10))
    .find(Number.isSafeInteger);
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const init: RequestInit & { duplex?: "half" } = {
    method: req.method,
    headers: remixHeaders(req),
    signal: controller.signal,
  };
  if (req.method !== "GET" && req.method !== "HEAD") {
    const rule = res.locals.bodyRule as BodyRule | undefined;
    if (rule) {
      const counter = new BodyCounter(rule.maxBytes, () => {
        // The action may be half-way through reading: stop it, answer 413, never read further.
        controller.abort();
        req.unpipe(counter);
        if (!res.headersSent) refuseUnread(req, res, 413, [rule.tooLarge]);
      });
      req.pipe(counter);
      init.body = createReadableStreamFromReadable(counter);
    } else {
      init.body = createReadableStreamFromReadable(req);
    }
    init.duplex = "half";
  }
  let answered = false;
  res.once("finish", () => (answered = true));
  res.once("close", () => {
    if (!answered) controller.abort();
  });
  return new Request(url.href, init);
}

/**
 * Remix behind the edge: like @remix-run/express's handler, except that the
 * body is counted while it streams (see BodyCounter) and an answer the edge
 * already gave (413 half-way) is not overwritten by the route's.
 */
export function remixHandler(
  handle: (request: Request, context: AppLoadContext) => Promise<Response>,
  loadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext,
) {
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction): Promise<void> => {
    const controller = new AbortController();
    try {
      const response = await handle(remixRequest(req, res, controller), loadContext(req, res));
      if (res.headersSent) {
        await response.body?.cancel();
        return;
      }
      await sendResponse(res, response);
    } catch (error) {
      if (res.headersSent || controller.signal.aborted) return;
      next(error);
    }
  };
}
