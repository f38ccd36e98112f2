import http from "node:http";
import path from "node:path";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type Express } from "express";
import { edgeBefore, edgeToRemix } from "../app/edge/index.server";
import { answeringOutages } from "../app/outage.server";
import type { Services } from "../app/services.server";

const BUILD_DIR = path.resolve("build");

/** The app: the request edge (app/edge), hashed assets cached for a year, everything else through Remix (503 during a database outage). */
export function createApp(services: Services, build: ServerBuild): Express {
  const app = express();
  app.disable("x-powered-by");
  edgeBefore(app, services);
  app.use(compression());
  app.use("/assets", express.static(path.join(BUILD_DIR, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(BUILD_DIR, "client"), { maxAge: "1h" }));
  app.all("*", ...edgeToRemix(services, answeringOutages(services, createRequestHandler(build, "production"))));
  return app;
}

export async function startServer(services: Services, build: ServerBuild): Promise<http.Server> {
  const server = http.createServer(createApp(services, build));
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
