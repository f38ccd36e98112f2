import http from "node:http";
import path from "node:path";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type Express, type RequestHandler } from "express";
import expressStaticGzip from "express-static-gzip";
import { edgeBefore, edgeToRemix } from "../app/edge/index.server";
import { answeringOutages } from "../app/outage.server";
import type { Services } from "../app/services.server";

const BUILD_DIR = path.resolve("build");

/**
 * The built client files: hashed assets cached for a year, the rest for an hour. The hashed assets are sent
 * as the build compressed them (`.br`, `.gz` beside each file, vite.config.ts) when the browser accepts it.
 */
function builtAssets(): RequestHandler {
  const assets = express.Router();
  assets.use(
    "/assets",
    expressStaticGzip(path.join(BUILD_DIR, "client/assets"), {
      enableBrotli: true,
      orderPreference: ["br", "gzip"],
      index: false,
      serveStatic: { immutable: true, maxAge: "1y" },
    }) as RequestHandler,
  );
  assets.use(express.static(path.join(BUILD_DIR, "client"), { maxAge: "1h" }));
  return assets;
}

/**
 * The app: the request edge (app/edge), the client files, everything else through Remix (503 during a
 * database outage). Production passes the built Remix app; `npm run dev` passes a loader of Vite's
 * current one and Vite's middleware for the client files.
 */
export function createApp(
  services: Services,
  build: ServerBuild | (() => Promise<ServerBuild>),
  assets: RequestHandler = builtAssets(),
): Express {
  const app = express();
  app.disable("x-powered-by");
  edgeBefore(app, services);
  app.use(compression());
  app.use(assets);
  const mode = typeof build === "function" ? "development" : "production";
  app.all("*", ...edgeToRemix(services, answeringOutages(services, createRequestHandler(build, mode))));
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
