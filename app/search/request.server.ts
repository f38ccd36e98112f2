import { today as clockToday } from "~/clock";
import { PROGRAM_STATUSES, type ProgramStatus } from "~/domain/programs/types";
import type { WindowDates } from "~/domain/programs/window";
import {
  FACILITY_KINDS,
  isInsideKorea,
  PAVITT_CLASSES,
  PROGRAM_CATEGORIES,
  type FacilityKind,
  type LatLng,
  type ListingSummary,
  type PavittClass,
  type ProgramCategory,
} from "~/domain/types";
import { z } from "zod";
import { field } from "~/validation";
import { queryOrThrow } from "~/validation/request.server";
import type { NamedPlace } from "./place-phrase";
import { documentStatus, windowOfDocument } from "./program-status";
import type { ServedSearchResult } from "./service.server";
import type { FacetName, SearchDocType, SearchQuery } from "./types";

export const SEARCH_DOC_TYPES = ["facility", "program"] as const satisfies readonly SearchDocType[];
export const SEARCH_LIMIT_DEFAULT = 20;
export const SEARCH_LIMIT_MAX = 100;
export const RADIUS_KM_MAX = 500;
/** How far "near <place>" reaches when no radius is given. */
export const PLACE_RADIUS_KM = 30;
/** Longer queries are cut here: nobody types more, and it bounds the work per request. */
export const QUERY_MAX_CHARS = 200;

/** A search as people and links express it: the parameters of `/` and `/api/search`. */
export interface SearchRequest {
  q: string;
  type?: SearchDocType;
  kinds: FacilityKind[];
  regions: string[];
  sectors: string[];
  pavittClass?: PavittClass;
  /** Program statuses asked for; empty: every status but closed. */
  statuses: ProgramStatus[];
  /** Support fields (catalogue categories). */
  categories: ProgramCategory[];
  sort?: "deadline";
  near?: LatLng;
  radiusKm?: number;
  /** The place a phrase such as "near Changwon" named, when it was understood. */
  place?: NamedPlace;
  limit: number;
  offset: number;
}

export interface KnownCodes {
  regionCodes: readonly string[];
  ksicDivisions: readonly string[];
  /** Regions as places people name in a query ("near Daegu"). */
  regionPlaces: readonly (NamedPlace & { aliases: string[] })[];
}

/** True when the URL asks for a search at all (the map page shows everything otherwise). */
export function hasSearchParameters(params: URLSearchParams): boolean {
  return ["q", "type", "kind", "region", "sector", "pavittClass", "status", "category", "near"].some(
    (name) => (params.get(name) ?? "").trim() !== "",
  );
}

/** "lat,lng" in decimal degrees, inside Korea. */
const nearPoint = z.unknown().transform((raw, ctx): LatLng | undefined => {
  if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) return undefined;
  if (typeof raw !== "string") return field.report(ctx, "one_value");
  const parts = raw.split(",").map((part) => part.trim());
  const [lat, lng] = parts.map(Number);
  if (
    parts.length !== 2 ||
    parts.some((part) => !/^[-+]?\d+(\.\d+)?$/.test(part)) ||
    lat === undefined ||
    lng === undefined
  )
    return field.report(ctx, "lat_lng");
  if (!isInsideKorea({ lat, lng })) return field.report(ctx, "outside_korea");
  return { lat, lng };
});

/** The query text, cut to QUERY_MAX_CHARS characters; control characters are refused. */
const queryText = z.unknown().transform((raw, ctx): string => {
  if (raw === undefined || raw === null) return "";
  if (typeof raw !== "string") return field.report(ctx, "one_value");
  if (/[\u0000-\u001F\u007F]/.test(raw)) return field.report(ctx, "control_chars");
  return Array.from(raw.trim()).slice(0, QUERY_MAX_CHARS).join("");
});

function searchParametersSchema(known: KnownCodes) {
  return z
    .object({
      q: queryText,
      type: field.choice(SEARCH_DOC_TYPES),
      kind: field.choices(FACILITY_KINDS, { fromText: "split" }),
      region: field.choices(known.regionCodes, { unknown: "unknown_region", fromText: "split" }),
      sector: field.choices(known.ksicDivisions, { unknown: "unknown_ksic", fromText: "split" }),
      pavittClass: field.choice(PAVITT_CLASSES),
      status: field.choices(PROGRAM_STATUSES, { fromText: "split" }),
      category: field.choices(PROGRAM_CATEGORIES, { fromText: "split" }),
      sort: field.choice(["deadline"] as const),
      near: nearPoint,
      radiusKm: field.number({ min: 0.1, max: RADIUS_KM_MAX }),
      limit: field.number({ min: 1, max: SEARCH_LIMIT_MAX, integer: true }),
      offset: field.number({ min: 0, max: 10_000, integer: true }),
    })
    .superRefine((value, ctx) => {
      if (value.radiusKm !== undefined && !value.near)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["radiusKm"], params: { issue: "radius_needs_near" } });
    });
}

/** The schema for each set of known codes: building it costs more than checking a request with it. */
const schemaByCodes = new WeakMap<KnownCodes, ReturnType<typeof searchParametersSchema>>();

/** Reads and checks the search parameters; a bad value throws an InputError naming it. */
export function parseSearchRequest(params: URLSearchParams, known: KnownCodes): SearchRequest {
  let schema = schemaByCodes.get(known);
  if (!schema) schemaByCodes.set(known, (schema = searchParametersSchema(known)));
  const value = queryOrThrow(params, schema);
  return {
    q: value.q,
    type: value.type,
    kinds: value.kind,
    regions: value.region,
    sectors: value.sector,
    pavittClass: value.pavittClass,
    statuses: value.status,
    categories: value.category,
    sort: value.sort,
    near: value.near,
    radiusKm: value.radiusKm,
    limit: value.limit ?? SEARCH_LIMIT_DEFAULT,
    offset: value.offset ?? 0,
  };
}

export const SEARCH_FACETS: FacetName[] = [
  "type",
  "kind",
  "regionCodes",
  "sectors",
  "pavittClasses",
  "category",
  "status",
];

/** The engine query for a request, with program statuses computed for `today` (the app's clock). */
export function toSearchQuery(request: SearchRequest, today: string = clockToday()): SearchQuery {
  return {
    text: request.q,
    filters: {
      type: request.type,
      kinds: request.kinds.length > 0 ? request.kinds : undefined,
      regionCodes: request.regions.length > 0 ? request.regions : undefined,
      // A firm in a region can use nationwide programs too.
      includeNationwide: request.regions.length > 0,
      sectors: request.sectors.length > 0 ? request.sectors : undefined,
      pavittClass: request.pavittClass,
      categories: request.categories.length > 0 ? request.categories : undefined,
      // Closed calls only when asked for.
      statuses: request.statuses.length > 0 ? request.statuses : undefined,
      today,
    },
    near: request.near ? { ...request.near, radiusKm: request.radiusKm } : undefined,
    // "X near Y" asks for the nearest X; a point with no text asks for what is nearest.
    sort:
      request.sort === "deadline"
        ? "deadline"
        : request.near && (request.q === "" || request.place)
          ? "distance"
          : "relevance",
    facets: SEARCH_FACETS,
    limit: request.limit,
    offset: request.offset,
  };
}

/** The names the API uses for facets: one value per key, as in the parameters. */
const FACET_OUTPUT_NAMES: Record<FacetName, string> = {
  type: "type",
  kind: "kind",
  regionCodes: "regionCode",
  sectors: "sector",
  pavittClasses: "pavittClass",
  category: "category",
  status: "status",
};

export interface SearchHitOutput extends ListingSummary {
  type: SearchDocType;
  distanceKm?: number;
  highlight?: string;
  /** Programs: their status on the day of the search and their window (null for standing programs). */
  status?: ProgramStatus;
  window?: WindowDates | null;
}

export interface SearchResponse {
  engine: ServedSearchResult["engine"];
  /** The place a phrase in the query named; its point became `near`. */
  place?: { nameKo: string; nameEn: string; lat: number; lng: number; radiusKm: number };
  degraded: boolean;
  total: number;
  /** Query words no hit contains (the Contract of /api/search); the hits then match the other words. */
  unmatchedTerms: string[];
  hits: SearchHitOutput[];
  facets: Record<string, Record<string, number>>;
}

export function toSearchResponse(
  result: ServedSearchResult,
  request: SearchRequest,
  today: string = clockToday(),
): SearchResponse {
  return {
    engine: result.engine,
    ...(request.place
      ? {
          place: {
            nameKo: request.place.nameKo,
            nameEn: request.place.nameEn,
            ...request.place.point,
            radiusKm: request.radiusKm ?? PLACE_RADIUS_KM,
          },
        }
      : {}),
    degraded: result.degraded,
    total: result.total,
    unmatchedTerms: result.unmatchedTerms,
    hits: result.hits.map(({ document, distanceKm, highlight }) => ({
      type: document.type,
      id: document.id,
      kind: document.kind,
      nameKo: document.nameKo,
      nameEn: document.nameEn,
      regionCode: document.regionCode,
      location: document.location,
      ...(distanceKm !== undefined ? { distanceKm: Math.round(distanceKm * 10) / 10 } : {}),
      ...(highlight ? { highlight } : {}),
      ...(document.type === "program" ? programFields(document, today) : {}),
    })),
    facets: Object.fromEntries(
      Object.entries(result.facets).map(([name, counts]) => [FACET_OUTPUT_NAMES[name as FacetName], counts ?? {}]),
    ),
  };
}

function programFields(
  document: ServedSearchResult["hits"][number]["document"],
  today: string,
): Pick<SearchHitOutput, "status" | "window"> {
  const window = windowOfDocument(document);
  return {
    status: documentStatus(document, today) ?? "rolling",
    window:
      window === null || window.kind === "unknown"
        ? null
        : { start: window.start, end: window.kind === "dated" ? window.end : null },
  };
}
