import http from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { createServer as createViteServer } from "vite";
import { ConfigError, loadConfig } from "../app/config.server";
import { createServices } from "../app/services.server";
import { DataDirLockedError } from "../db/pglite-lock";
import { createApp } from "./serve";

/**
 * `npm run dev`: the same edge, services and database as `npm start`, with Vite serving the app from
 * source (hot reload). The services come from source here and the routes from Vite's module graph:
 * two copies of the shared modules, which production (one build) does not have.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? "development" });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  let services;
  try {
    services = await createServices(config);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  // Hot reload over the app's own port: the content security policy lets pages connect to their own origin only.
  const server = http.createServer();
  const vite = await createViteServer({ server: { middlewareMode: true, hmr: { server } } });
  const build = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  server.on("request", createApp(services, build, vite.middlewares));
  server.listen(config.port, config.host, () =>
    console.log(`ClusterLink (development, hot reload) on http://${config.host}:${config.port}`),
  );
  const stop = () => {
    server.close();
    void Promise.all([vite.close(), services.close()]).then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

void main();
