import fs from "node:fs";
import path from "node:path";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { checkReferences, readCatalog } from "../../db/seed/catalog";
import { parseProvinceBoundaries } from "~/domain/boundaries";
import { distanceToGeometryKm, isPointInGeometry, type PolygonGeometry } from "~/domain/geo";
import { COORD_PRECISIONS } from "~/domain/types";

const catalog = readCatalog(path.resolve("data"));
/** The project's own boundary file (npm run data:derive), so these checks need nothing outside the repository. */
const topology = JSON.parse(fs.readFileSync(path.resolve("data/boundaries/korea.topo.json"), "utf8")) as Topology;
const sigungu = feature(topology, topology.objects.sigungu as never) as unknown as FeatureCollection<
  Polygon | MultiPolygon,
  { code: string; region_code: string; name_ko: string }
>;
const sigunguPolygon = new Map(sigungu.features.map((f) => [f.properties.code, f.geometry as PolygonGeometry]));

/**
 * Ids that pages, bookmarks and search documents use. Renaming one breaks
 * shared links, so a change here must be deliberate.
 */
const STABLE_IDS = [
  "ccei-seoul",
  "ccei-daegu",
  "ccei-gyeongnam",
  "ccei-jeju",
  "tp-gyeongnam",
  "nic-changwon",
  "nic-gumi",
  "rc-daedeok",
];

describe("curated data files", () => {
  it("read cleanly and every cross-reference resolves", () => {
    expect(checkReferences(catalog)).toEqual([]);
  });

  it("hold every innovation center, techno-park, the national industrial complexes and the intermediaries", () => {
    const count = (kind: string) => catalog.facilities.filter((f) => f.kind === kind).length;
    expect(count("innovation_center")).toBe(19);
    expect(count("techno_park")).toBe(19);
    expect(count("industrial_complex")).toBeGreaterThanOrEqual(16);
    expect(count("research_complex")).toBe(1);
    expect(count("production_institute")).toBeGreaterThanOrEqual(4);
    expect(count("kitech_division")).toBeGreaterThanOrEqual(4);
    expect(catalog.programs.length).toBeGreaterThanOrEqual(30);
    for (const center of catalog.facilities.filter((f) => f.kind === "innovation_center"))
      expect(center.anchor_group_id, center.id).toBeTruthy();
  });

  it("keep their ids", () => {
    const ids = new Set([...catalog.facilities.map((f) => f.id)]);
    for (const id of STABLE_IDS) expect(ids.has(id), id).toBe(true);
  });

  it("give every row a source, every place a coordinate precision and every shown contact its own source", () => {
    for (const row of [
      ...catalog.regions,
      ...catalog.facilities,
      ...catalog.programs,
      ...catalog.anchorGroups,
      ...catalog.ksicDivisions,
    ])
      expect(String(row.source).trim(), JSON.stringify(row).slice(0, 80)).not.toBe("");
    for (const f of catalog.facilities) {
      expect(COORD_PRECISIONS, f.id).toContain(f.coord_precision);
      if (f.address_ko) expect(f.address_source, f.id).toBeTruthy();
      if (f.phone) expect(f.phone_source, f.id).toBeTruthy();
      if (f.website) expect(f.website_source, f.id).toBeTruthy();
      expect(f.area_code, f.id).toMatch(/^\d{10}$/);
    }
  });

  it("place every facility inside its own province", () => {
    const parsed = parseProvinceBoundaries(
      topology,
      catalog.regions.map((r) => ({ code: r.code, kostatCode: r.kostat_code, nameKo: r.name_ko, nameEn: r.name_en })),
    );
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    const byRegion = new Map(parsed.boundaries.map((b) => [b.regionCode, b.geometry]));
    const outside = catalog.facilities
      .filter((f) => !isPointInGeometry({ lat: f.lat, lng: f.lng }, byRegion.get(f.region_code)!))
      .map(
        (f) =>
          `${f.id} is ${distanceToGeometryKm({ lat: f.lat, lng: f.lng }, byRegion.get(f.region_code)!).toFixed(1)} km outside region ${f.region_code}`,
      );
    expect(outside).toEqual([]);
    for (const region of catalog.regions)
      expect(
        isPointInGeometry({ lat: region.label_lat, lng: region.label_lng }, byRegion.get(region.code)!),
        region.code,
      ).toBe(true);
  });

  it("place every facility known to its eupmyeondong (or better) inside its own sigungu polygon", () => {
    const fine = catalog.facilities.filter(
      (f) => f.coord_precision === "eupmyeondong" || f.coord_precision === "exact",
    );
    expect(fine.length).toBeGreaterThanOrEqual(8);
    const outside = fine.filter((f) => {
      const polygon = sigunguPolygon.get(f.area_code!.slice(0, 5));
      return !polygon || !isPointInGeometry({ lat: f.lat, lng: f.lng }, polygon);
    });
    expect(outside.map((f) => `${f.id} (${f.area_code})`)).toEqual([]);
  });

  it("put each facility's area code in its own region", () => {
    for (const f of catalog.facilities) expect(f.area_code!.slice(0, 2), f.id).toBe(f.region_code);
  });
});
