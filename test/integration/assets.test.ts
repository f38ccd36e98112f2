/**
 * The client's files as the build compressed them: Brotli or gzip to a browser that takes it, the file
 * itself to one that does not, always the same bytes once decoded.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "~/services.server";
import { serveApp, type ServedApp } from "./app-server";
import { createTestServices, databaseLabel } from "./support";

const ASSETS = path.resolve("build/client/assets");

function get(port: number, file: string, acceptEncoding: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(
        { host: "127.0.0.1", port, path: `/assets/${file}`, headers: { "Accept-Encoding": acceptEncoding } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on("error", reject);
        },
      )
      .on("error", reject);
  });
}

describe(`precompressed client files on ${databaseLabel}`, () => {
  let services: Services;
  let app: ServedApp;
  let script: string;

  beforeAll(async () => {
    services = await createTestServices();
    app = await serveApp(services);
    // The largest script: MapLibre's chunk, which the compression is for.
    script = fs
      .readdirSync(ASSETS)
      .filter((name) => name.endsWith(".js"))
      .sort((a, b) => fs.statSync(path.join(ASSETS, b)).size - fs.statSync(path.join(ASSETS, a)).size)[0]!;
  });
  afterAll(async () => {
    await app?.close();
    await services?.close();
  });

  it("the build wrote a Brotli and a gzip copy of every script", () => {
    const scripts = fs.readdirSync(ASSETS).filter((name) => name.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(3);
    for (const name of scripts) {
      if (fs.statSync(path.join(ASSETS, name)).size < 1024) continue;
      expect(fs.existsSync(path.join(ASSETS, `${name}.br`)), name).toBe(true);
      expect(fs.existsSync(path.join(ASSETS, `${name}.gz`)), name).toBe(true);
    }
  });

  it("sends Brotli first, then gzip, then the file itself, each decoding to the same bytes", async () => {
    const original = fs.readFileSync(path.join(ASSETS, script));
    const brotli = await get(app.port, script, "gzip, deflate, br");
    expect(brotli.status).toBe(200);
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotli.headers["vary"]).toMatch(/Accept-Encoding/i);
    expect(brotli.headers["cache-control"]).toContain("immutable");
    expect(brotli.headers["content-type"]).toMatch(/javascript/);
    expect(brotli.body.length).toBeLessThan(original.length / 3);
    expect(zlib.brotliDecompressSync(brotli.body).equals(original)).toBe(true);

    const gzip = await get(app.port, script, "gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzip.body).equals(original)).toBe(true);

    const plain = await get(app.port, script, "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });

  it("MapLibre's chunk is loaded by the map pages only", () => {
    const manifestFile = fs.readdirSync(ASSETS).find((name) => /^manifest-.*\.js$/.test(name))!;
    const manifest = JSON.parse(
      fs
        .readFileSync(path.join(ASSETS, manifestFile), "utf8")
        .replace(/^window\.__remixManifest=/, "")
        .replace(/;$/, ""),
    ) as { entry: { imports: string[] }; routes: Record<string, { imports?: string[] }> };
    const loadsMapLibre = (imports: readonly string[] = []) =>
      imports.some((file) => /\/maplibre-[^/]*\.js$/.test(file));
    expect(loadsMapLibre(manifest.entry.imports)).toBe(false);
    for (const route of ["root", "routes/login", "routes/programs.$id", "routes/council.$region._index"])
      expect(loadsMapLibre(manifest.routes[route]?.imports), route).toBe(false);
    for (const route of ["routes/_index", "routes/match", "routes/gaps", "routes/facilities.$id"])
      expect(loadsMapLibre(manifest.routes[route]?.imports), route).toBe(true);
  });

  it("a page names its scripts in a Link header, the same ones its HTML preloads", async () => {
    for (const page of ["/", "/login"]) {
      const response = await fetch(`${app.baseUrl}${page}`);
      const html = await response.text();
      const inHtml = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((match) => match[1]);
      const inHeader = [...(response.headers.get("link") ?? "").matchAll(/<([^>]+)>; rel=modulepreload/g)].map(
        (match) => match[1],
      );
      expect(inHeader.length, page).toBeGreaterThan(2);
      expect(new Set(inHeader), page).toEqual(new Set(inHtml));
    }
  });

  it("answers 404 for a file the build did not make", async () => {
    expect((await get(app.port, "missing-0000.js", "br")).status).toBe(404);
  });
});
