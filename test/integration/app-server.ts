import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { buildIsStale, buildServer } from "../../scripts/build.mjs";
import { createApp } from "../../scripts/serve";
import type { Services } from "~/services.server";

/** The production bundle, built first when a source file is newer (as `npm start` does). */
export function ensureBuild(): void {
  if (!buildIsStale()) return;
  const result = buildServer("pipe");
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
}

/** The Remix build, imported beside the test's own copy of the modules (the services come from the test). */
async function loadRemixBuild(): Promise<ServerBuild> {
  return (await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as ServerBuild;
}

export interface ServedApp {
  baseUrl: string;
  port: number;
  close: () => Promise<void>;
}

/** The real Express app (edge, static files, Remix on the production build) on a free port, over the given services. */
export async function serveApp(services: Services): Promise<ServedApp> {
  ensureBuild();
  const server = http.createServer(createApp(services, await loadRemixBuild()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTP request written by hand, for what fetch will not send: a declared
 * length it never delivers, a body written chunk by chunk while the answer is awaited.
 */
export function rawRequest(
  port: number,
  options: {
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: Buffer | ((write: (chunk: Buffer) => boolean) => Promise<void>);
  },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    // A connection of its own: a request that declared more than it sent must not lend its socket to the next.
    let answered = false;
    const request = http.request(
      { host: "127.0.0.1", port, agent: false, method: options.method, path: options.path, headers: options.headers },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    // The server may close the connection while the body is still going out: that is the point.
    request.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error),
    );
    // But a connection that closes with no answer at all fails the request instead of leaving it waiting.
    request.on("close", () =>
      answered
        ? undefined
        : reject(new Error(`${options.method} ${options.path}: the connection closed before any answer`)),
    );
    const body = options.body;
    if (body === undefined) request.end();
    else if (Buffer.isBuffer(body)) request.end(body);
    else
      void body((chunk) => request.write(chunk)).then(
        () => request.end(),
        () => request.end(),
      );
  });
}
