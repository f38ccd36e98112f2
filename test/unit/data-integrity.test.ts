import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkReferences, readCatalog } from "../../db/seed/catalog";
import { parseProvinceBoundaries } from "~/domain/boundaries";
import { distanceToGeometryKm, isPointInGeometry } from "~/domain/geo";

const catalog = readCatalog(path.resolve("data"));
const boundaryFile = JSON.parse(fs.readFileSync(path.resolve("../shared/data/boundaries/kr_sido_current_gunwi_in_daegu.geojson"), "utf8")) as unknown;

/**
 * Ids that pages, bookmarks and search documents use. Renaming one breaks
 * shared links, so a change here must be deliberate.
 */
const STABLE_IDS = ["ccei-seoul", "ccei-daegu", "ccei-gyeongnam", "ccei-jeju", "tp-gyeongnam", "nic-changwon", "nic-gumi", "rc-daedeok"];

describe("curated data files", () => {
  it("read cleanly and every cross-reference resolves", () => {
    expect(checkReferences(catalog)).toEqual([]);
  });

  it("hold every innovation center, techno-park and the national industrial complexes", () => {
    const count = (kind: string) => catalog.facilities.filter((f) => f.kind === kind).length;
    expect(count("innovation_center")).toBe(19);
    expect(count("techno_park")).toBe(19);
    expect(count("industrial_complex")).toBeGreaterThanOrEqual(16);
    expect(count("research_complex")).toBe(1);
    expect(catalog.programs.length).toBeGreaterThanOrEqual(30);
    for (const center of catalog.facilities.filter((f) => f.kind === "innovation_center")) expect(center.anchor_group_id, center.id).toBeTruthy();
  });

  it("keep their ids", () => {
    const ids = new Set([...catalog.facilities.map((f) => f.id)]);
    for (const id of STABLE_IDS) expect(ids.has(id), id).toBe(true);
  });

  it("give every row a source and every place a coordinate precision", () => {
    for (const row of [...catalog.regions, ...catalog.facilities, ...catalog.programs, ...catalog.anchorGroups, ...catalog.ksicDivisions])
      expect(String(row.source).trim(), JSON.stringify(row).slice(0, 80)).not.toBe("");
    for (const f of catalog.facilities) expect(["address", "district", "region"]).toContain(f.coord_precision);
  });

  it("place every facility inside its own province (KOSTAT boundaries)", () => {
    const parsed = parseProvinceBoundaries(boundaryFile, catalog.regions.map((r) => ({ code: r.code, kostatCode: r.kostat_code, nameKo: r.name_ko, nameEn: r.name_en })));
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    const byRegion = new Map(parsed.boundaries.map((b) => [b.regionCode, b.geometry]));
    const outside = catalog.facilities
      .filter((f) => !isPointInGeometry({ lat: f.lat, lng: f.lng }, byRegion.get(f.region_code)!))
      .map((f) => `${f.id} is ${distanceToGeometryKm({ lat: f.lat, lng: f.lng }, byRegion.get(f.region_code)!).toFixed(1)} km outside region ${f.region_code}`);
    expect(outside).toEqual([]);
    for (const region of catalog.regions) expect(isPointInGeometry({ lat: region.label_lat, lng: region.label_lng }, byRegion.get(region.code)!), region.code).toBe(true);
  });
});
