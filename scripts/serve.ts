import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type Express } from "express";
import { edgeBefore, edgeToRemix } from "../app/edge/index.server";
import type { Services } from "../app/services.server";

export const BUILD_DIR = path.resolve("build");

export async function loadBuild(): Promise<ServerBuild> {
  return (await import(pathToFileURL(path.join(BUILD_DIR, "server/index.js")).href)) as ServerBuild;
}

/** The app: the request edge (app/edge), hashed assets cached for a year, everything else through Remix. */
export function createApp(services: Services, build: ServerBuild): Express {
  const app = express();
  app.disable("x-powered-by");
  edgeBefore(app, services);
  app.use(compression());
  app.use("/assets", express.static(path.join(BUILD_DIR, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(BUILD_DIR, "client"), { maxAge: "1h" }));
  app.all("*", ...edgeToRemix(services, build));
  return app;
}

export async function startServer(services: Services): Promise<http.Server> {
  const server = http.createServer(createApp(services, await loadBuild()));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(services.config.port, services.config.host, resolve);
  });
  return server;
}
