import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
// The adapter's own request/response converters (exported by its server module, not its index),
// so that the outage wrapper can look at a response before it is sent.
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { answeringOutages } from "../app/outage.server";
import type { Services } from "../app/services.server";

export const BUILD_DIR = path.resolve("build");

/** Serves the built app: hashed assets cached for a year, everything else through Remix. */
export async function startServer(services: Services): Promise<http.Server> {
  const build = (await import(pathToFileURL(path.join(BUILD_DIR, "server/index.js")).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  // The CSRF origin check compares the browser's Origin with the request URL, so behind a
  // TLS-terminating proxy the URL must carry the public protocol (X-Forwarded-Proto).
  if (services.config.trustProxy) app.set("trust proxy", true);
  app.use(compression());
  app.use("/assets", express.static(path.join(BUILD_DIR, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(BUILD_DIR, "client"), { maxAge: "1h" }));
  const handle = answeringOutages(services, createRequestHandler(build, "production"));
  app.all("*", (req, res, next) => {
    handle(createRemixRequest(req, res), { services, clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown" })
      .then((response) => sendRemixResponse(res, response))
      .catch(next);
  });

  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(services.config.port, services.config.host, resolve);
  });
  return server;
}

/**
 * Stops accepting connections and resolves once every request in flight has
 * been answered (idle keep-alive connections close at once). Connections still
 * busy after graceMs are cut; resolves with how many that were.
 */
export function drain(server: http.Server, graceMs: number): Promise<number> {
  return new Promise((resolve) => {
    let forced = 0;
    const timer = setTimeout(() => {
      server.getConnections((_error, count) => {
        forced = count;
        server.closeAllConnections();
      });
    }, graceMs);
    // Keep-alive connections become idle as their last request ends; close them as they do.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearTimeout(timer);
      clearInterval(sweep);
      resolve(forced);
    });
    server.closeIdleConnections();
  });
}
