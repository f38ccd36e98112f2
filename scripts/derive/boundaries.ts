import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { mergeArcs, quantize } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { AreaRecord, RegionRef } from "./areas";

export const BOUNDARY_CREDIT =
  "행정구역 경계: 통계청 통계지리정보서비스(SGIS) 2018, KOGL Type 1 (via github.com/southkorea/southkorea-maps)";
export const BOUNDARY_LICENSE = "KOGL Type 1 (공공누리 제1유형: 출처표시)";

export interface SigunguFeatureProperties {
  code: string;
  code_kostat: string;
  region_code: string;
  name_ko: string;
  name_en: string;
}

export interface ProvinceFeatureProperties {
  code_adm: string;
  code_adm_prev: string;
  code_kostat: string;
  name_ko: string;
  name_en: string;
}

export interface BoundaryOptions {
  /** Share of the arc vertices (by Visvalingam weight) to keep. */
  keep: number;
  /** Quantization grid: points per side of the bounding box. */
  quantization: number;
}

/**
 * One TopoJSON with two objects that share their arcs: `sigungu` (the 250
 * polygons of 2018 under today's MOIS codes and names) and `provinces` (the
 * 17 provinces merged from them, Gunwi-gun in Daegu). Shared borders are
 * stored once and simplified once, so neighbours never gap or overlap.
 */
export function deriveBoundaries(
  source: FeatureCollection<Polygon | MultiPolygon, { code_kostat: string }>,
  areas: AreaRecord[],
  regions: RegionRef[],
  options: BoundaryOptions,
): Topology {
  const byKostat = new Map(
    areas.filter((a) => a.level === "sigungu" && a.kostatCode !== "").map((a) => [a.kostatCode, a]),
  );
  const features: Feature<Polygon | MultiPolygon, SigunguFeatureProperties>[] = source.features.map((f) => {
    const area = byKostat.get(f.properties.code_kostat);
    if (!area) throw new Error(`sigungu ${f.properties.code_kostat} has no area row`);
    return {
      type: "Feature",
      geometry: f.geometry,
      properties: {
        code: area.sigunguCode,
        code_kostat: area.kostatCode,
        region_code: area.regionCode,
        name_ko: area.nameKo,
        name_en: area.nameEn,
      },
    };
  });
  const built = topology(
    { sigungu: { type: "FeatureCollection", features } as never },
    options.quantization,
  ) as unknown as Topology;
  const weighted = presimplify(built as never);
  const simplified = quantize(
    simplify(weighted, quantile(weighted, 1 - options.keep)) as never,
    options.quantization,
  ) as unknown as Topology;
  const sigunguObject = simplified.objects.sigungu as GeometryCollection<SigunguFeatureProperties>;
  for (const geometry of sigunguObject.geometries) delete (geometry as { id?: unknown }).id;

  const provinces = regions.map((region) => {
    const members = sigunguObject.geometries.filter(
      (g) => (g.properties as SigunguFeatureProperties | undefined)?.region_code === region.code,
    );
    if (members.length === 0) throw new Error(`region ${region.code} has no sigungu`);
    const properties: ProvinceFeatureProperties = {
      code_adm: region.code,
      code_adm_prev: region.previousCode ?? "",
      code_kostat: region.kostatCode,
      name_ko: region.nameKo,
      name_en: region.nameEn,
    };
    return { ...mergeArcs(simplified, members as never), properties };
  });
  simplified.objects.provinces = { type: "GeometryCollection", geometries: provinces } as GeometryCollection;
  return simplified;
}
