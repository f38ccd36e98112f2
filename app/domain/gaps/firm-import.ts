import { latLngToCell } from "h3-js";
import { z } from "zod";
import { decodeCsvBytes, parseCsvText, type CsvEncoding } from "~/csv";
import { check, field, issue, type FieldIssue, type RowIssue } from "~/validation";
import { classifyPavitt } from "../classification";
import { isPointInGeometry, type PolygonGeometry } from "../geo";
import type { GeocodeResult } from "../geocode";
import { isInsideKorea, type LatLng, type PavittClass } from "../types";
import type { FirmRecordInput } from "./firm-record";
import { HEX_RESOLUTION } from "./synthetic";

export type RegisterParse =
  { ok: true; firms: FirmRecordInput[]; encoding: CsvEncoding } | { ok: false; problems: RowIssue[] };

export interface RegisterContext {
  divisions: Map<string, PavittClass | null>;
  regions: Map<string, LatLng>;
  boundaries: { regionCode: string; geometry: PolygonGeometry }[];
  source: string;
  /** The offline geocoder: a firm with an address and no coordinates is placed at its area's centroid. */
  geocode?: (query: string) => GeocodeResult;
}

/** Column names accepted in the header, English or Korean, case and spacing ignored. */
const COLUMNS = {
  name: ["name", "상호", "업체명", "기업명"],
  ksic_division: ["ksic_division", "ksic", "업종코드", "산업분류"],
  employees: ["employees", "종업원수", "직원수", "근로자수"],
  lat: ["lat", "latitude", "위도"],
  lng: ["lng", "lon", "longitude", "경도"],
  region_code: ["region_code", "region", "시도코드"],
  address: ["address", "주소", "소재지", "공장주소", "공장소재지", "사업장주소", "소재지도로명주소", "소재지지번주소"],
} as const;
type Column = keyof typeof COLUMNS;

const MAX_NAME = 200;
const MAX_ADDRESS = 300;
const MAX_EMPLOYEES = 1_000_000;

/** One row's cells by column; the KSIC division may be written without its leading zero ("5" for "05"). */
function rowSchema(context: RegisterContext) {
  return z
    .object({
      name: field.text({ max: MAX_NAME, required: true }),
      ksic_division: z.unknown().transform((raw, ctx): string => {
        const value = typeof raw === "string" ? raw.trim() : "";
        if (value === "") return field.report(ctx, "required");
        const division = /^\d{1,2}$/.test(value) ? value.padStart(2, "0") : value;
        return context.divisions.has(division)
          ? division
          : field.report(ctx, "unknown_ksic", { value: value.slice(0, 20) });
      }),
      employees: field.number({ required: true, min: 0, max: MAX_EMPLOYEES, integer: true }),
      lat: field.number(),
      lng: field.number(),
      region_code: z.unknown().transform((raw, ctx): string | undefined => {
        const value = typeof raw === "string" ? raw.trim() : "";
        if (value === "") return undefined;
        return context.regions.has(value) ? value : field.report(ctx, "unknown_region", { value: value.slice(0, 20) });
      }),
      address: field.text({ max: MAX_ADDRESS }),
    })
    .superRefine((row, ctx) => {
      const at = (path: string, code: "lat_lng" | "outside_korea" | "location_or_region") =>
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], params: { issue: code } });
      const hasLat = row.lat !== undefined;
      const hasLng = row.lng !== undefined;
      if (hasLat !== hasLng) at(hasLat ? "lng" : "lat", "lat_lng");
      else if (
        typeof row.lat === "number" &&
        typeof row.lng === "number" &&
        !isInsideKorea({ lat: row.lat, lng: row.lng })
      )
        at("lat", "outside_korea");
      else if (!hasLat && row.region_code === undefined && !row.address) at("region_code", "location_or_region");
    });
}

/**
 * Reads an SME register: name, KSIC division, employees, and coordinates, an address or a region code.
 * Every problem is reported with its line and column; a file with any problem yields no firms.
 * A firm with coordinates and no region is placed in the province whose boundary holds it
 * (boundaries must be imported); a firm with an address (the factory's, as data.go.kr lists
 * them) is placed by the geocoder at its 읍면동 or 시군구 centroid (precision `district`);
 * a firm with only a region is placed at the region's label point.
 */
export function parseRegister(bytes: Uint8Array, context: RegisterContext): RegisterParse {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return { ok: false, problems: [{ ...decoded.issue, row: 0 }] };
  const parsed = parseCsvText(decoded.text);
  if (!parsed.ok) return { ok: false, problems: [parsed.issue] };
  if (parsed.records.length === 0) return { ok: false, problems: [{ ...issue("file", "csv_no_rows"), row: 0 }] };
  const header = parsed.header.map((cell) => cell.toLowerCase().replace(/\s+/g, ""));
  const index = {} as Record<Column, number>;
  for (const column of Object.keys(COLUMNS) as Column[])
    index[column] = header.findIndex((cell) => (COLUMNS[column] as readonly string[]).includes(cell));
  const missing = (["name", "ksic_division", "employees"] as const).filter((column) => index[column] === -1);
  const problems: RowIssue[] = missing.map((column) => ({
    ...issue(column, "csv_column_missing", { column: `${column} (${COLUMNS[column][1]})` }),
    row: 1,
  }));
  if ((index.lat === -1 || index.lng === -1) && index.region_code === -1 && index.address === -1)
    problems.push({
      ...issue("lat/lng/region_code", "csv_column_missing", { column: "lat + lng / address / region_code" }),
      row: 1,
    });
  if (problems.length > 0) return { ok: false, problems };

  const schema = rowSchema(context);
  const firms: FirmRecordInput[] = [];
  for (const { line, cells } of parsed.records) {
    const values = Object.fromEntries(
      (Object.keys(COLUMNS) as Column[]).map((column) => [
        column,
        index[column] === -1 ? "" : (cells[index[column]] ?? ""),
      ]),
    );
    const checked = check(schema, values);
    if (!checked.ok) {
      problems.push(...checked.issues.map((p: FieldIssue) => ({ ...p, row: line })));
      continue;
    }
    const row = checked.value;
    const point = row.lat !== undefined && row.lng !== undefined ? { lat: row.lat, lng: row.lng } : null;
    let regionCode = row.region_code ?? null;
    if (!point && row.address && context.geocode) {
      const result = context.geocode(row.address);
      if (!result.ok) {
        if (regionCode === null) problems.push({ ...issue("address", "address_not_placed"), row: line });
      } else if (regionCode !== null && result.match.regionCode !== regionCode) {
        problems.push({ ...issue("address", "address_other_region"), row: line });
        continue;
      } else {
        const area = { lat: result.match.lat, lng: result.match.lng };
        firms.push(
          firmOf(
            row,
            result.match.regionCode,
            area,
            result.match.precision === "region" ? "region" : "district",
            context,
          ),
        );
        continue;
      }
    }
    if (point && regionCode === null) {
      if (context.boundaries.length === 0) {
        problems.push({ ...issue("region_code", "region_code_needed"), row: line });
        continue;
      }
      regionCode =
        context.boundaries.find((boundary) => isPointInGeometry(point, boundary.geometry))?.regionCode ?? null;
      if (regionCode === null) {
        problems.push({ ...issue("lat", "outside_provinces"), row: line });
        continue;
      }
    }
    if (regionCode === null) continue;
    firms.push(
      firmOf(
        row,
        regionCode,
        point ?? (context.regions.get(regionCode) as LatLng),
        point ? "address" : "region",
        context,
      ),
    );
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, firms, encoding: decoded.encoding };
}

function firmOf(
  row: { name: string; ksic_division: string; employees: number },
  regionCode: string,
  placed: LatLng,
  coordPrecision: FirmRecordInput["coordPrecision"],
  context: RegisterContext,
): FirmRecordInput {
  return {
    name: row.name,
    ksicDivision: row.ksic_division,
    employees: row.employees,
    regionCode,
    lat: placed.lat,
    lng: placed.lng,
    coordPrecision,
    pavittClass: classifyPavitt({
      division: row.ksic_division,
      defaultClass: context.divisions.get(row.ksic_division) ?? null,
    }).pavittClass,
    h3Cell: latLngToCell(placed.lat, placed.lng, HEX_RESOLUTION),
    synthetic: false,
    source: context.source,
  };
}
