/**
 * What a council may write into a listing, and the rules every value must
 * pass, whether it comes from a form or a CSV row. Pure: the caller supplies
 * the KSIC divisions that exist and the region's boundary when one is loaded.
 */
import { isPointInGeometry, type PolygonGeometry } from "./geo";
import { COORD_PRECISIONS, FACILITY_KINDS, FACILITY_SERVICES, isInsideKorea, PROGRAM_CATEGORIES, type CoordPrecision, type FacilityKind, type FacilityService, type ProgramCategory } from "./types";

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
export const FACILITY_COLUMNS = ["external_id", "kind", "name_ko", "name_en", "lat", "lng", "coord_precision", "industries", "services", "url", "phone", "address_ko", "location_note", "source"] as const;
export const PROGRAM_COLUMNS = ["external_id", "name_ko", "name_en", "summary_ko", "summary_en", "category", "provider_agency_ko", "provider_agency_en", "sectors", "period_start", "period_end", "url", "source"] as const;

export const TEXT_LIMITS = { name: 200, shortText: 300, longText: 2000, url: 500, phone: 40, externalId: 100 } as const;

export type ProblemCode =
  | "fieldRequired"
  | "fieldTooLong"
  | "fieldInvalidChars"
  | "fieldNotANumber"
  | "fieldUnknownValue"
  | "fieldOutsideKorea"
  | "fieldOutsideRegion"
  | "fieldUnknownKsic"
  | "fieldUrlScheme"
  | "fieldDateFormat"
  | "fieldPeriodOrder"
  | "fieldExternalIdFormat"
  | "fieldExternalIdTaken"
  | "fieldExternalIdRepeated"
  | "fieldPhoneFormat";

export interface FieldProblem {
  field: string;
  code: ProblemCode;
  values?: Record<string, string | number>;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

export interface ValidationContext {
  ksicDivisions: ReadonlySet<string>;
  /** The council's region outline; null when boundaries are not loaded (then only Korea's box is checked). */
  boundary: PolygonGeometry | null;
}

export type RawFields = Record<string, string | undefined>;

/** Reads values, collecting every problem rather than stopping at the first. */
class Reader {
  readonly problems: FieldProblem[] = [];
  constructor(private readonly raw: RawFields) {}

  private value(field: string): string {
    return (this.raw[field] ?? "").trim();
  }

  private problem(field: string, code: ProblemCode, values?: Record<string, string | number>): void {
    this.problems.push({ field, code, ...(values ? { values } : {}) });
  }

  /** Text is stored as typed (never interpreted as markup); control characters other than line breaks are refused. */
  text(field: string, max: number, required: true): string;
  text(field: string, max: number, required?: false): string | null;
  text(field: string, max: number, required = false): string | null {
    const value = this.value(field);
    if (value === "") {
      if (required) this.problem(field, "fieldRequired");
      return required ? "" : null;
    }
    if ([...value].length > max) this.problem(field, "fieldTooLong", { max });
    if ([...value].some((ch) => { const c = ch.codePointAt(0)!; return (c < 32 && c !== 10 && c !== 13 && c !== 9) || c === 127; })) this.problem(field, "fieldInvalidChars");
    return value;
  }

  choice<T extends string>(field: string, allowed: readonly T[]): T {
    const value = this.value(field);
    if (value === "") this.problem(field, "fieldRequired");
    else if (!allowed.includes(value as T)) this.problem(field, "fieldUnknownValue", { value: value.slice(0, 40) });
    return value as T;
  }

  /** A list separated by semicolons or commas (the CSV and form convention). */
  list(field: string): string[] {
    return [...new Set(this.value(field).split(/[;,]/).map((v) => v.trim()).filter((v) => v !== ""))];
  }

  choices<T extends string>(field: string, allowed: readonly T[]): T[] {
    const values = this.list(field);
    const unknown = values.find((v) => !allowed.includes(v as T));
    if (unknown !== undefined) this.problem(field, "fieldUnknownValue", { value: unknown.slice(0, 40) });
    return values as T[];
  }

  ksic(field: string, known: ReadonlySet<string>): string[] {
    const values = this.list(field);
    const unknown = values.find((v) => !known.has(v));
    if (unknown !== undefined) this.problem(field, "fieldUnknownKsic", { value: unknown.slice(0, 20) });
    return values;
  }

  number(field: string): number {
    const value = this.value(field);
    if (value === "") {
      this.problem(field, "fieldRequired");
      return Number.NaN;
    }
    const parsed = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isFinite(parsed)) this.problem(field, "fieldNotANumber");
    return parsed;
  }

  url(field: string): string | null {
    const value = this.text(field, TEXT_LIMITS.url);
    if (value === null) return null;
    try {
      const parsed = new URL(value);
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:") this.problem(field, "fieldUrlScheme");
    } catch {
      this.problem(field, "fieldUrlScheme");
    }
    return value;
  }

  date(field: string): string | null {
    const value = this.value(field);
    if (value === "") return null;
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
    if (!valid) this.problem(field, "fieldDateFormat");
    return value;
  }

  externalId(field: string): string | null {
    const value = this.value(field);
    if (value === "") return null;
    if (!/^[A-Za-z0-9._:-]{1,100}$/.test(value)) this.problem(field, "fieldExternalIdFormat");
    return value;
  }

  phone(field: string): string | null {
    const value = this.text(field, TEXT_LIMITS.phone);
    if (value !== null && !/^[0-9+()\- .]+$/.test(value)) this.problem(field, "fieldPhoneFormat");
    return value;
  }

  addProblem(field: string, code: ProblemCode): void {
    this.problem(field, code);
  }
}

export function validateFacility(raw: RawFields, context: ValidationContext): Validation<FacilityFields> {
  const read = new Reader(raw);
  const value: FacilityFields = {
    externalId: read.externalId("external_id"),
    kind: read.choice("kind", FACILITY_KINDS),
    nameKo: read.text("name_ko", TEXT_LIMITS.name, true),
    nameEn: read.text("name_en", TEXT_LIMITS.name, true),
    lat: read.number("lat"),
    lng: read.number("lng"),
    coordPrecision: read.choice("coord_precision", COORD_PRECISIONS),
    industries: read.ksic("industries", context.ksicDivisions),
    services: read.choices("services", FACILITY_SERVICES),
    url: read.url("url"),
    phone: read.phone("phone"),
    addressKo: read.text("address_ko", TEXT_LIMITS.shortText),
    locationNote: read.text("location_note", TEXT_LIMITS.longText),
    source: read.text("source", TEXT_LIMITS.longText, true),
  };
  if (Number.isFinite(value.lat) && Number.isFinite(value.lng)) {
    if (!isInsideKorea(value)) read.addProblem("lat", "fieldOutsideKorea");
    else if (context.boundary && !isPointInGeometry(value, context.boundary)) read.addProblem("lat", "fieldOutsideRegion");
  }
  return read.problems.length > 0 ? { ok: false, problems: read.problems } : { ok: true, value };
}

export function validateProgram(raw: RawFields, context: ValidationContext): Validation<ProgramFields> {
  const read = new Reader(raw);
  const value: ProgramFields = {
    externalId: read.externalId("external_id"),
    nameKo: read.text("name_ko", TEXT_LIMITS.name, true),
    nameEn: read.text("name_en", TEXT_LIMITS.name, true),
    summaryKo: read.text("summary_ko", TEXT_LIMITS.longText),
    summaryEn: read.text("summary_en", TEXT_LIMITS.longText),
    category: read.choice("category", PROGRAM_CATEGORIES),
    providerAgencyKo: read.text("provider_agency_ko", TEXT_LIMITS.shortText),
    providerAgencyEn: read.text("provider_agency_en", TEXT_LIMITS.shortText),
    sectors: read.ksic("sectors", context.ksicDivisions),
    periodStart: read.date("period_start"),
    periodEnd: read.date("period_end"),
    url: read.url("url"),
    source: read.text("source", TEXT_LIMITS.longText, true),
  };
  if (value.periodStart && value.periodEnd && value.periodStart > value.periodEnd && !read.problems.some((p) => p.field.startsWith("period"))) {
    read.addProblem("period_end", "fieldPeriodOrder");
  }
  return read.problems.length > 0 ? { ok: false, problems: read.problems } : { ok: true, value };
}

export function validateListing(type: ListingType, raw: RawFields, context: ValidationContext): Validation<ListingFields> {
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

export function listingColumns(type: ListingType): readonly string[] {
  return type === "facility" ? FACILITY_COLUMNS : PROGRAM_COLUMNS;
}
