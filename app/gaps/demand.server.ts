import type { Kysely } from "kysely";
import { listDemandFacts } from "../../db/queries/inquiries";
import { listRegions } from "../../db/queries/regions";
import { listKsicDivisions } from "../../db/queries/taxonomy";
import type { Database } from "../../db/schema";
import { csvCell } from "~/csv";
import { demandCells, demandFigures, MIN_CELL, type DemandCell, type DemandFigures } from "~/domain/inquiries";
import type { PavittClass } from "~/domain/types";
import { field } from "~/validation";
import { queryOrThrow } from "~/validation/request.server";
import { gapQuerySchema } from "./params.server";

/** The demand side of /gaps: requests for help, counted from their anonymous facts only. */
export interface DemandQuery {
  by: "region" | "region_class_industry";
  regionCode?: string;
  pavittClass?: PavittClass;
  sector?: string;
}

export interface DemandReport {
  generatedAt: string;
  minCell: number;
  filters: { regionCode: string | null; pavittClass: string | null; sector: string | null };
  /** All requests matching the filters; suppressed like any cell when fewer than minCell. */
  total: { suppressed: boolean; figures: DemandFigures | null };
  cells: DemandCell[];
  /** Unmet demand per region at its label point, for the map layer; suppressed regions are left out. */
  unmetByRegion: { regionCode: string; point: [number, number]; unmet: number; requests: number }[];
}

/** `by`, plus the report's own filters (`radiusKm` and `bySector` are accepted and do not change the demand figures). */
export async function parseDemandQuery(db: Kysely<Database>, params: URLSearchParams): Promise<DemandQuery> {
  const [regions, divisions] = await Promise.all([listRegions(db), listKsicDivisions(db)]);
  const schema = gapQuerySchema({
    regionCodes: regions.map((r) => r.code),
    divisions: divisions.map((d) => d.code),
  }).extend({
    by: field.choice(["region", "region_class_industry"] as const),
  });
  const value = queryOrThrow(params, schema);
  return {
    by: value.by ?? "region_class_industry",
    regionCode: value.region,
    pavittClass: value.pavittClass,
    sector: value.sector,
  };
}

export async function demandReport(db: Kysely<Database>, query: DemandQuery): Promise<DemandReport> {
  const [facts, regions] = await Promise.all([
    listDemandFacts(db, { regionCode: query.regionCode, pavittClass: query.pavittClass, ksicDivision: query.sector }),
    listRegions(db),
  ]);
  const points = new Map(regions.map((r) => [r.code, r.labelPoint]));
  const suppressedTotal = facts.length < MIN_CELL;
  return {
    generatedAt: new Date().toISOString(),
    minCell: MIN_CELL,
    filters: {
      regionCode: query.regionCode ?? null,
      pavittClass: query.pavittClass ?? null,
      sector: query.sector ?? null,
    },
    total: suppressedTotal ? { suppressed: true, figures: null } : { suppressed: false, figures: demandFigures(facts) },
    cells: demandCells(facts, query.by),
    unmetByRegion: demandCells(facts, "region").flatMap((cell) => {
      const point = points.get(cell.regionCode);
      return cell.suppressed || !point
        ? []
        : [{ regionCode: cell.regionCode, point, unmet: cell.figures.unmet, requests: cell.figures.requests }];
    }),
  };
}

const CSV_COLUMNS = [
  "regionCode",
  "pavittClass",
  "ksicDivision",
  "requests",
  "open",
  "helped",
  "unmet",
  "helpedShare",
  "medianHoursToFirstAnswer",
  "medianDaysToClose",
] as const;

/** The demand cells as CSV (UTF-8 with BOM); a suppressed cell has its place and "<N" instead of figures. */
export function demandCsv(report: DemandReport): string {
  const withheld = `<${report.minCell}`;
  const lines = [
    ["generatedAt", report.generatedAt, "minCell", report.minCell].map(csvCell).join(","),
    CSV_COLUMNS.join(","),
    ...report.cells.map((cell) =>
      CSV_COLUMNS.map((column) => {
        if (column === "regionCode" || column === "pavittClass" || column === "ksicDivision")
          return csvCell(cell[column]);
        if (cell.suppressed) return column === "requests" ? csvCell(withheld) : "";
        return csvCell(cell.figures[column]);
      }).join(","),
    ),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Unmet demand per region as GeoJSON points (layer "demand") for the coverage download; suppressed regions are absent. */
export function demandFeatures(report: DemandReport): GeoJSON.Feature[] {
  return report.unmetByRegion.map((entry) => ({
    type: "Feature",
    geometry: { type: "Point", coordinates: entry.point },
    properties: {
      layer: "demand",
      regionCode: entry.regionCode,
      requests: entry.requests,
      unmet: entry.unmet,
      minCell: report.minCell,
    },
  }));
}
