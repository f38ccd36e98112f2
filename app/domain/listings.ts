/**
 * What a council may write into a listing, and the rules every value must
 * pass, whether it comes from a form or a CSV row. Pure: the caller supplies
 * the KSIC divisions that exist and the region's boundary when one is loaded.
 */
import { z } from "zod";
import { check, field, type Checked } from "~/validation";
import { isPointInGeometry, type PolygonGeometry } from "./geo";
import type { GeocodeResult } from "./geocode";
import {
  COORD_PRECISIONS,
  FACILITY_KINDS,
  FACILITY_SERVICES,
  isInsideKorea,
  PROGRAM_CATEGORIES,
  type CoordPrecision,
  type FacilityKind,
  type FacilityService,
  type ProgramCategory,
} from "./types";

export type ListingType = "facility" | "program";

export interface FacilityFields {
  externalId: string | null;
  kind: FacilityKind;
  nameKo: string;
  nameEn: string;
  lat: number;
  lng: number;
  coordPrecision: CoordPrecision;
  industries: string[];
  services: FacilityService[];
  url: string | null;
  phone: string | null;
  addressKo: string | null;
  locationNote: string | null;
  source: string;
}

export interface ProgramFields {
  externalId: string | null;
  nameKo: string;
  nameEn: string;
  summaryKo: string | null;
  summaryEn: string | null;
  category: ProgramCategory;
  providerAgencyKo: string | null;
  providerAgencyEn: string | null;
  sectors: string[];
  periodStart: string | null;
  periodEnd: string | null;
  url: string | null;
  source: string;
}

export type ListingFields = FacilityFields | ProgramFields;

/** Form fields and CSV columns share these names. */
export const FACILITY_COLUMNS = [
  "external_id",
  "kind",
  "name_ko",
  "name_en",
  "lat",
  "lng",
  "coord_precision",
  "industries",
  "services",
  "url",
  "phone",
  "address_ko",
  "location_note",
  "source",
] as const;
export const PROGRAM_COLUMNS = [
  "external_id",
  "name_ko",
  "name_en",
  "summary_ko",
  "summary_en",
  "category",
  "provider_agency_ko",
  "provider_agency_en",
  "sectors",
  "period_start",
  "period_end",
  "url",
  "source",
] as const;

/** Columns that hold a list of codes (semicolon-separated in CSV). */
export const LIST_COLUMNS: ReadonlySet<string> = new Set(["industries", "services", "sectors"]);

export const TEXT_LIMITS = { name: 200, shortText: 300, longText: 2000, url: 500, phone: 40, externalId: 100 } as const;

export interface ValidationContext {
  ksicDivisions: ReadonlySet<string>;
  /** The council's region outline; null when boundaries are not loaded (then only Korea's box is checked). */
  boundary: PolygonGeometry | null;
  /** The offline geocoder: a typed address places the listing (see placeByAddress). */
  geocode?: (query: string) => GeocodeResult;
}

/**
 * A typed address places a facility at the centroid of the 읍면동 (or 시군구)
 * it names, with that precision, so the point follows the address. A point
 * the council clicked on the map (precision `exact`) is finer and wins; an
 * address the geocoder cannot read leaves the fields as they were.
 */
export function placeByAddress(raw: RawFields, geocode: (query: string) => GeocodeResult): RawFields {
  const address = raw.address_ko?.trim();
  if (!address) return raw;
  const clicked = raw.coord_precision?.trim() === "exact" && Boolean(raw.lat?.trim()) && Boolean(raw.lng?.trim());
  if (clicked) return raw;
  const result = geocode(address);
  if (!result.ok) return raw;
  return {
    ...raw,
    lat: result.match.lat.toFixed(5),
    lng: result.match.lng.toFixed(5),
    coord_precision: result.match.precision,
  };
}

/** Form fields and CSV cells arrive as text. */
export type RawFields = Record<string, string | undefined>;

const externalId = z.unknown().transform((raw, ctx): string | null => {
  if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) return null;
  if (typeof raw !== "string" || !/^[A-Za-z0-9._:-]{1,100}$/.test(raw.trim()))
    return field.report(ctx, "external_id_format");
  return raw.trim();
});

const phone = z.unknown().transform((raw, ctx): string | null => {
  if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) return null;
  if (typeof raw !== "string") return field.report(ctx, "wrong_type", { expected: "text" });
  const value = raw.trim();
  if (value.length > TEXT_LIMITS.phone) return field.report(ctx, "too_long", { max: TEXT_LIMITS.phone });
  return /^[0-9+()\- .]+$/.test(value) ? value : field.report(ctx, "phone_format");
});

function facilitySchema(context: ValidationContext) {
  const { geocode } = context;
  const place = (raw: unknown) =>
    geocode && raw !== null && typeof raw === "object" ? placeByAddress(raw as RawFields, geocode) : raw;
  return z.preprocess(
    place,
    z
      .object({
        external_id: externalId,
        kind: field.choice(FACILITY_KINDS, { required: true }),
        name_ko: field.text({ max: TEXT_LIMITS.name, required: true }),
        name_en: field.text({ max: TEXT_LIMITS.name, required: true }),
        lat: field.number({ required: true }),
        lng: field.number({ required: true }),
        coord_precision: field.choice(COORD_PRECISIONS, { required: true }),
        industries: field.choices(context.ksicDivisions, { unknown: "unknown_ksic", fromText: "split" }),
        services: field.choices(FACILITY_SERVICES, { fromText: "split" }),
        url: field.httpUrl({ max: TEXT_LIMITS.url }),
        phone,
        address_ko: field.text({ max: TEXT_LIMITS.shortText }),
        location_note: field.text({ max: TEXT_LIMITS.longText, multiline: true }),
        source: field.text({ max: TEXT_LIMITS.longText, required: true, multiline: true }),
      })
      .superRefine((value, ctx) => {
        // The other rules run even when a field failed; a point is only checked once both numbers were read.
        if (typeof value.lat !== "number" || typeof value.lng !== "number") {
          if (geocode && value.address_ko)
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: ["address_ko"],
              params: { issue: "address_not_placed" },
            });
          return;
        }
        const point = { lat: value.lat, lng: value.lng };
        if (!isInsideKorea(point))
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["lat"], params: { issue: "outside_korea" } });
        else if (context.boundary && !isPointInGeometry(point, context.boundary))
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["lat"], params: { issue: "outside_region" } });
      })
      .transform((value): FacilityFields => camelKeys(value)),
  );
}

function programSchema(context: ValidationContext) {
  return z
    .object({
      external_id: externalId,
      name_ko: field.text({ max: TEXT_LIMITS.name, required: true }),
      name_en: field.text({ max: TEXT_LIMITS.name, required: true }),
      summary_ko: field.text({ max: TEXT_LIMITS.longText, multiline: true }),
      summary_en: field.text({ max: TEXT_LIMITS.longText, multiline: true }),
      category: field.choice(PROGRAM_CATEGORIES, { required: true }),
      provider_agency_ko: field.text({ max: TEXT_LIMITS.shortText }),
      provider_agency_en: field.text({ max: TEXT_LIMITS.shortText }),
      sectors: field.choices(context.ksicDivisions, { unknown: "unknown_ksic", fromText: "split" }),
      period_start: field.isoDate(),
      period_end: field.isoDate(),
      url: field.httpUrl({ max: TEXT_LIMITS.url }),
      source: field.text({ max: TEXT_LIMITS.longText, required: true, multiline: true }),
    })
    .superRefine((value, ctx) => {
      if (value.period_start && value.period_end && value.period_start > value.period_end)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["period_end"], params: { issue: "period_order" } });
    })
    .transform((value): ProgramFields => camelKeys(value));
}

/** The rules of a facility listing, whether its fields come from a form or a CSV row. */
export function validateFacility(raw: RawFields, context: ValidationContext): Checked<FacilityFields> {
  return check(facilitySchema(context), raw);
}

export function validateProgram(raw: RawFields, context: ValidationContext): Checked<ProgramFields> {
  return check(programSchema(context), raw);
}

/** The rules of one type with one context, built once for a whole file. */
export function listingValidator(
  type: ListingType,
  context: ValidationContext,
): (raw: RawFields) => Checked<ListingFields> {
  const schema = type === "facility" ? facilitySchema(context) : programSchema(context);
  return (raw) => check(schema, raw);
}

export function validateListing(type: ListingType, raw: RawFields, context: ValidationContext): Checked<ListingFields> {
  return type === "facility" ? validateFacility(raw, context) : validateProgram(raw, context);
}

/** The form/CSV representation of stored fields, for pre-filling forms and exports. */
export function toRawFields(type: ListingType, fields: ListingFields): Record<string, string> {
  const out: Record<string, string> = {};
  const columns = type === "facility" ? FACILITY_COLUMNS : PROGRAM_COLUMNS;
  const record = fields as unknown as Record<string, unknown>;
  for (const column of columns) {
    const value = record[camel(column)];
    out[column] = value === null || value === undefined ? "" : Array.isArray(value) ? value.join(";") : String(value);
  }
  return out;
}

function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
}

type Camel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
type CamelKeys<T> = { [K in keyof T & string as Camel<K>]: T[K] };

/** Checked columns under the names the fields are stored by (`name_ko` is `nameKo`), in the same order. */
function camelKeys<T extends Record<string, unknown>>(columns: T): CamelKeys<T> {
  return Object.fromEntries(Object.entries(columns).map(([column, value]) => [camel(column), value])) as CamelKeys<T>;
}

/** The items of a list cell as forms and CSV write it ("29;26" or "29, 26"), trimmed, once each. */
export function listItems(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[;,]/)
        .map((item) => item.trim())
        .filter((item) => item !== ""),
    ),
  ];
}

export function listingColumns(type: ListingType): readonly string[] {
  return type === "facility" ? FACILITY_COLUMNS : PROGRAM_COLUMNS;
}
