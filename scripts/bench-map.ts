import fs from "node:fs";
import http from "node:http";
import type net from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import compression from "compression";
import express from "express";
import type { FeatureCollection } from "geojson";
import type { Browser, Response } from "playwright-core";
import { FACILITY_KINDS, type FacilityKind } from "../app/domain/types";
import { required } from "../app/required";
import {
  COUNTRY_VIEW,
  facilityLayerIds,
  facilityLayers,
  facilitySourceId,
  MARKER_SPACE_IMAGE,
  MARKER_SPACE_PIXELS,
  offlineStyle,
} from "../app/map/style";
import { launchBrowser, startApp, type RunningApp } from "./harness/app";
import { formatBytes, formatMs, loadAverage, median, percentile, verdict } from "./bench/stats";
import { parseOptions } from "./cli";

/**
 * Times the map page `/` against a bare MapLibre page that draws the same GeoJSON on the same
 * offline style, in one browser, and counts the JavaScript each page transfers.
 * Usage: npm run bench:map [-- --runs 10]
 */

const TARGET_RATIO = 1.5;
const VIEWPORT = { width: 1280, height: 800 };
const RUN_TIMEOUT_MS = 90_000;

const { options } = parseOptions(process.argv.slice(2));
const runs = Number(options.get("runs") ?? 10);

interface PageRun {
  loadMs: number;
  drawnMs: number;
  scriptBytes: number;
  scriptDecodedBytes: number;
  scriptFiles: number;
  totalBytes: number;
}

/**
 * Runs before any page script: notes when the map container reports `data-map-state="loaded"`
 * and when it reports every facility drawn. Both pages expose the same markers, so the same
 * observer times both.
 */
function markerObserver(expected: number): string {
  return `(() => {
    const marks = (window.__benchMarks = {});
    const check = () => {
      const map = document.querySelector("[data-testid=facility-map]");
      if (!map) return;
      if (marks.loadMs === undefined && map.getAttribute("data-map-state") === "loaded") marks.loadMs = performance.now();
      if (marks.drawnMs === undefined && Number(map.getAttribute("data-drawn-facilities")) >= ${expected}) marks.drawnMs = performance.now();
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-map-state", "data-drawn-facilities"] });
  })();`;
}

/** The bare page: MapLibre alone, the app's offline style, starting view and facility layers, the GeoJSON fetched from /api/facilities. */
function barePage(size: { width: number; height: number }, kinds: readonly FacilityKind[], landUrl: string): string {
  const layersByKind = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      { source: facilitySourceId(kind), layers: facilityLayers(kind), ids: facilityLayerIds(kind) },
    ]),
  );
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<title>MapLibre baseline</title>
<link rel="stylesheet" href="/maplibre-gl.css">
<style>body { margin: 0; } #map { width: ${size.width}px; height: ${size.height}px; }</style>
</head>
<body>
<div id="map" data-testid="facility-map" data-map-state="loading" data-drawn-facilities="0"></div>
<script type="module">
import * as maplibregl from "/maplibre-gl.mjs";
maplibregl.setWorkerUrl("/maplibre-gl-worker.mjs");
const container = document.getElementById("map");
const kinds = ${JSON.stringify(layersByKind)};
const facilities = fetch("/api/facilities").then((response) => response.json());
const map = new maplibregl.Map({
  container,
  style: ${JSON.stringify(offlineStyle({ land: landUrl, places: new URL("/map/places.json", landUrl).href }))},
  center: ${JSON.stringify(COUNTRY_VIEW.center)},
  zoom: ${COUNTRY_VIEW.zoom},
  attributionControl: false,
});
map.on("load", async () => {
  container.setAttribute("data-map-state", "loaded");
  map.addImage(${JSON.stringify(MARKER_SPACE_IMAGE)}, { width: ${MARKER_SPACE_PIXELS}, height: ${MARKER_SPACE_PIXELS}, data: new Uint8Array(${MARKER_SPACE_PIXELS * MARKER_SPACE_PIXELS * 4}) });
  const collection = await facilities;
  for (const [kind, { source, layers }] of Object.entries(kinds)) {
    const features = collection.features.filter((feature) => feature.properties.kind === kind);
    map.addSource(source, { type: "geojson", data: { type: "FeatureCollection", features }, cluster: true, clusterRadius: 36, clusterMaxZoom: 9, promoteId: "id" });
    for (const layer of layers) map.addLayer(layer);
  }
  const layerIds = Object.values(kinds).flatMap(({ ids }) => [ids.points, ids.clusters]);
  map.on("idle", () => {
    const seen = new Set();
    let drawn = 0;
    for (const feature of map.queryRenderedFeatures({ layers: layerIds })) {
      const key = feature.properties.cluster_id !== undefined ? feature.source + ":c" + feature.properties.cluster_id : feature.source + ":" + feature.properties.id;
      if (seen.has(key)) continue;
      seen.add(key);
      drawn += feature.properties.point_count !== undefined ? Number(feature.properties.point_count) : 1;
    }
    container.setAttribute("data-drawn-facilities", String(drawn));
  });
});
</script>
</body>
</html>`;
}

/** Serves the bare page and MapLibre's files; the facilities' GeoJSON, the land outline and the place names are passed through from the app, so both pages wait on the same server work. */
async function startBarePage(
  app: RunningApp,
  size: { width: number; height: number },
  kinds: readonly FacilityKind[],
): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const dist = path.resolve("node_modules/maplibre-gl/dist");
  const server = express();
  // The app compresses its responses; the baseline must not pay for bytes the app does not.
  server.use(compression());
  server.get("/", (request, response) => {
    response.type("html").send(barePage(size, kinds, `${request.protocol}://${request.get("host")}/map/land.json`));
  });
  // MapLibre compressed once at the highest Brotli setting, as the app's build does for its own copy.
  for (const file of ["maplibre-gl.mjs", "maplibre-gl-worker.mjs", "maplibre-gl.css"]) {
    const brotli = zlib.brotliCompressSync(fs.readFileSync(path.join(dist, file)), {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY },
    });
    server.get(`/${file}`, (request, response) => {
      if (!/\bbr\b/.test(request.get("accept-encoding") ?? "")) return response.sendFile(path.join(dist, file));
      response.set({ "Content-Encoding": "br", Vary: "Accept-Encoding" }).type(path.extname(file)).send(brotli);
    });
  }
  for (const route of ["/api/facilities", "/map/land.json", "/map/places.json"]) {
    server.get(route, async (_request, response) => {
      const upstream = await fetch(`${app.baseUrl}${route}`);
      response
        .status(upstream.status)
        .type(upstream.headers.get("content-type") ?? "application/json")
        .send(Buffer.from(await upstream.arrayBuffer()));
    });
  }
  const listener = http.createServer(server);
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  const { port } = listener.address() as net.AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => listener.close(() => resolve())),
  };
}

function isScript(response: Response): boolean {
  return response.request().resourceType() === "script" || /\.m?js(\?|$)/.test(new URL(response.url()).pathname);
}

/** One visit in a fresh browser context: the two marks, and what was transferred. */
async function visit(browser: Browser, url: string, expected: number): Promise<PageRun> {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    await page.addInitScript(markerObserver(expected));
    const responses: Response[] = [];
    const errors: string[] = [];
    page.on("response", (response) => responses.push(response));
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(
      () => (window as unknown as { __benchMarks: { drawnMs?: number } }).__benchMarks.drawnMs !== undefined,
      null,
      {
        timeout: RUN_TIMEOUT_MS,
        polling: 50,
      },
    );
    // A file the page could not get (the bare page once asked its own server for the place names,
    // which had none) draws less than the other page and times nothing comparable.
    const failed = responses
      .filter((response) => response.status() >= 400)
      .map((response) => `${response.status()} ${response.url()}`);
    if (failed.length > 0) errors.push(...failed);
    if (errors.length > 0) throw new Error(`${url}: ${errors.join("; ")}`);
    const marks = await page.evaluate(
      () => (window as unknown as { __benchMarks: { loadMs: number; drawnMs: number } }).__benchMarks,
    );
    let scriptBytes = 0;
    let scriptDecodedBytes = 0;
    let scriptFiles = 0;
    let totalBytes = 0;
    for (const response of responses) {
      const sizes = await response.request().sizes();
      totalBytes += sizes.responseBodySize;
      if (!isScript(response)) continue;
      scriptFiles += 1;
      scriptBytes += sizes.responseBodySize;
      scriptDecodedBytes += (await response.body()).length;
    }
    return { loadMs: marks.loadMs, drawnMs: marks.drawnMs, scriptBytes, scriptDecodedBytes, scriptFiles, totalBytes };
  } finally {
    await context.close();
  }
}

async function mapContainerSize(browser: Browser, url: string): Promise<{ width: number; height: number }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const box = await page.locator("[data-testid=facility-map]").boundingBox();
    if (!box) throw new Error("the map container of / has no size");
    return { width: Math.round(box.width), height: Math.round(box.height) };
  } finally {
    await context.close();
  }
}

// npm start's entry point builds the app when the build is missing or older than the sources.
const app = await startApp();
let bare: Awaited<ReturnType<typeof startBarePage>> | null = null;
let browser: Browser | null = null;
try {
  const collection = (await (await fetch(`${app.baseUrl}/api/facilities`)).json()) as FeatureCollection;
  const expected = collection.features.length;
  const kinds = FACILITY_KINDS.filter((kind) =>
    collection.features.some((feature) => feature.properties?.kind === kind),
  );
  browser = await launchBrowser();
  const appUrl = `${app.baseUrl}/`;
  const size = await mapContainerSize(browser, appUrl);
  bare = await startBarePage(app, size, kinds);
  const bareUrl = `${bare.baseUrl}/`;

  await visit(browser, appUrl, expected);
  await visit(browser, bareUrl, expected);
  const appRuns: PageRun[] = [];
  const bareRuns: PageRun[] = [];
  // Alternate which page goes first in each pair, so drift on a noisy machine hits both alike.
  for (let run = 0; run < runs; run++) {
    if (run % 2 === 0) {
      appRuns.push(await visit(browser, appUrl, expected));
      bareRuns.push(await visit(browser, bareUrl, expected));
    } else {
      bareRuns.push(await visit(browser, bareUrl, expected));
      appRuns.push(await visit(browser, appUrl, expected));
    }
  }

  const summary = (label: string, values: (r: PageRun) => number) => {
    const appValues = appRuns.map(values);
    const bareValues = bareRuns.map(values);
    return {
      label,
      appMedian: median(appValues),
      appP95: percentile(appValues, 95),
      bareMedian: median(bareValues),
      bareP95: percentile(bareValues, 95),
    };
  };
  const rows = [summary("map load", (r) => r.loadMs), summary("facilities drawn", (r) => r.drawnMs)];
  const pad = (text: string, width: number) => text.padStart(width);

  console.log(
    `Map benchmark: ${appUrl} against a bare MapLibre page, Chromium ${browser.version()}; ${os.cpus().length} CPUs, load average ${loadAverage()} at the end`,
  );
  console.log(
    `${expected} facilities in ${kinds.length} kinds; viewport ${VIEWPORT.width}×${VIEWPORT.height}, map ${size.width}×${size.height}; 1 warm-up visit each, then ${runs} visits each in fresh contexts, alternating`,
  );
  console.log("Times from navigation start.");
  console.log("");
  console.log(
    `${"".padEnd(18)}${pad("app median", 12)}${pad("app p95", 12)}${pad("bare median", 13)}${pad("bare p95", 12)}${pad("app/bare", 10)}${pad("p95 ratio", 11)}`,
  );
  for (const row of rows) {
    console.log(
      `${row.label.padEnd(18)}${pad(formatMs(row.appMedian), 12)}${pad(formatMs(row.appP95), 12)}${pad(formatMs(row.bareMedian), 13)}${pad(formatMs(row.bareP95), 12)}${pad(`${(row.appMedian / row.bareMedian).toFixed(2)}×`, 10)}${pad(`${(row.appP95 / row.bareP95).toFixed(2)}×`, 11)}`,
    );
  }
  console.log("");
  const bytes = (label: string, list: PageRun[]) => {
    const last = required(list.at(-1), "a page run");
    console.log(
      `${label.padEnd(6)} JavaScript: ${formatBytes(last.scriptBytes)} transferred (${formatBytes(last.scriptDecodedBytes)} uncompressed) in ${last.scriptFiles} files; all responses: ${formatBytes(last.totalBytes)}`,
    );
  };
  bytes("app", appRuns);
  bytes("bare", bareRuns);
  console.log("");
  let failed = false;
  for (const row of rows) {
    const ratio = row.appMedian / row.bareMedian;
    const pass = ratio <= TARGET_RATIO;
    failed ||= !pass;
    console.log(`${verdict(pass)}  ${row.label}: app/bare median ${ratio.toFixed(2)}× ≤ ${TARGET_RATIO}×`);
  }
  if (failed) process.exitCode = 1;
} finally {
  await browser?.close();
  await bare?.stop();
  await app.stop();
}
