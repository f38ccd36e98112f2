import fs from "node:fs";
import path from "node:path";
import { layers, namedFlavor } from "@protomaps/basemaps";
import type { LayerSpecification } from "maplibre-gl";
import { describe, expect, it } from "vitest";
import { loadConfig } from "~/config.server";
import { boundaryCollection, protomapsStyle } from "~/map/basemap";
import { facilityLayerIds, facilityLayers, offlineStyle } from "~/map/style";

const env = (values: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: "test", ...values });

describe("basemap", () => {
  it("turns the derived boundary file into 250 시군구 and 17 provinces, each named in both languages", () => {
    const topology = JSON.parse(fs.readFileSync(path.resolve("data/boundaries/korea.topo.json"), "utf8"));
    const collection = boundaryCollection(topology);
    const sigungu = collection.features.filter((f) => f.properties.level === "sigungu");
    expect(sigungu.length).toBe(250);
    expect(collection.features.filter((f) => f.properties.level === "province").length).toBe(17);
    expect(
      collection.features.every(
        (f) => f.properties.nameKo !== "" && f.properties.nameEn !== "" && f.properties.code !== "",
      ),
    ).toBe(true);
    expect(sigungu.find((f) => f.properties.code === "27140")?.properties.nameKo).toBe("동구");
  });

  it("draws boundaries, coast and place names offline, and every facility kind reserves its marker's space before any label", () => {
    const style = offlineStyle({ land: "http://app/map/land.json", places: "http://app/map/places.json" });
    const ids = style.layers.map((layer) => layer.id);
    expect(ids).toEqual(
      expect.arrayContaining(["sigungu-line", "province-line", "coast", "place-sigungu", "place-eupmyeondong"]),
    );
    expect(JSON.stringify(style)).not.toMatch(/https:\/\//);
    const space = facilityLayers("techno_park").find((layer) => layer.id === facilityLayerIds("techno_park").space);
    expect(space).toMatchObject({
      type: "symbol",
      layout: { "icon-allow-overlap": true, "icon-ignore-placement": false },
    });
  });

  it("builds a Protomaps style over a PMTiles archive with the self-hosted fonts and sprites", () => {
    const style = protomapsStyle(
      { archiveUrl: "https://tiles.example.kr/korea.pmtiles", assetsUrl: "https://tiles.example.kr/assets/" },
      "ko",
      (source, lang) => layers(source, namedFlavor("light"), { lang }) as LayerSpecification[],
    );
    expect(style.sources.protomaps).toMatchObject({
      type: "vector",
      url: "pmtiles://https://tiles.example.kr/korea.pmtiles",
    });
    expect(style.glyphs).toBe("https://tiles.example.kr/assets/fonts/{fontstack}/{range}.pbf");
    expect(style.layers.length).toBeGreaterThan(50);
    expect(
      style.layers.every((layer) => layer.type === "background" || ("source" in layer && layer.source === "protomaps")),
    ).toBe(true);
    expect(JSON.stringify(style.layers)).toContain("name:ko");
  });

  it("reads the basemap choice from the environment and refuses an archive without its fonts", () => {
    expect(loadConfig(env({})).basemap).toEqual({ kind: "offline" });
    expect(loadConfig(env({ MAP_STYLE_URL: "https://maps.example.kr/style.json" })).basemap).toEqual({
      kind: "style",
      url: "https://maps.example.kr/style.json",
    });
    expect(
      loadConfig(
        env({ MAP_PMTILES_URL: "https://t.example.kr/k.pmtiles", MAP_ASSETS_URL: "https://t.example.kr/assets" }),
      ).basemap,
    ).toEqual({
      kind: "pmtiles",
      archiveUrl: "https://t.example.kr/k.pmtiles",
      assetsUrl: "https://t.example.kr/assets",
    });
    expect(() => loadConfig(env({ MAP_PMTILES_URL: "https://t.example.kr/k.pmtiles" }))).toThrow(/MAP_ASSETS_URL/);
  });
});
