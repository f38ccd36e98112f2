import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
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
  app.all("*", createRequestHandler({ build, mode: "production", getLoadContext: (req) => ({ services, clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown" }) }));

  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(services.config.port, services.config.host, resolve);
  });
  return server;
}
