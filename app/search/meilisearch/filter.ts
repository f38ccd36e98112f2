import { acceptedApplicantTypes } from "~/domain/programs/eligibility";
import type { LatLng } from "~/domain/types";
import { notClosedExpression, statusFilterExpression } from "../program-status";
import type { SearchFilters, SearchQuery } from "../types";

/**
 * Meilisearch filter expressions built from typed filters. Every value is double-quoted with `\`
 * and `"` escaped, so no value can close its quotes and add an operator; numbers are finite and
 * written with a dot and without exponent.
 */

/** Quotes a value for a filter expression. Meilisearch unescapes `\"` and then `\\`, which restores it exactly. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

const MAX_FRACTION_DIGITS = 7;
const MAX_MAGNITUDE = 1e12;

/** A finite number in plain decimal notation (`-0.5`, `128.6897`, `5000`). */
export function formatFilterNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Filter numbers must be finite, got ${value}`);
  if (Math.abs(value) >= MAX_MAGNITUDE) throw new RangeError(`Filter number out of range: ${value}`);
  const fixed = value.toFixed(MAX_FRACTION_DIGITS).replace(/\.?0+$/, "");
  return fixed === "-0" ? "0" : fixed;
}

function assertValidPoint(point: LatLng): void {
  if (!Number.isFinite(point.lat) || Math.abs(point.lat) > 90) throw new RangeError(`Invalid latitude: ${point.lat}`);
  if (!Number.isFinite(point.lng) || Math.abs(point.lng) > 180) throw new RangeError(`Invalid longitude: ${point.lng}`);
}

function anyOf(attribute: string, values: readonly string[] | undefined): string | null {
  if (!values || values.length === 0) return null;
  return `${attribute} IN [${values.map(quoteFilterValue).join(", ")}]`;
}

function equals(attribute: string, value: string | undefined): string | null {
  return value === undefined ? null : `${attribute} = ${quoteFilterValue(value)}`;
}

function regionClause(filters: SearchFilters): string | null {
  const regions = anyOf("regionCodes", filters.regionCodes);
  if (!regions) return null;
  return filters.includeNationwide ? `(${regions} OR nationwide = ${quoteFilterValue("true")})` : regions;
}

/** Status on `today`, over the numeric window fields; closed calls are left out unless asked for. */
function statusClause(filters: SearchFilters): string | null {
  if (!filters.today) return null;
  if (filters.statuses && filters.statuses.length > 0) return statusFilterExpression(filters.statuses, filters.today);
  return filters.includeClosed ? null : notClosedExpression(filters.today);
}

/**
 * Calls a firm of this applicant type and business age can apply to, as `applicantMask` admits
 * them in the embedded engine; documents without a window (facilities, curated programs) pass.
 */
function applicantClause(filters: SearchFilters): string | null {
  const applicant = filters.applicant;
  if (!applicant) return null;
  const accepted = anyOf("applicantTypes", acceptedApplicantTypes(applicant.type));
  const byType = `(windowKind IS NULL OR applicantTypes IS EMPTY${accepted ? ` OR ${accepted}` : ""})`;
  if (applicant.type === "pre_founder") return byType;
  const months = applicant.businessAgeMonths;
  const underLimit = months === null ? "" : ` OR ageLimitMonths > ${formatFilterNumber(months)}`;
  // A call indexed before documents carried its age limit has no such field: the rules check it.
  return `${byType} AND (windowKind IS NULL OR ageLimitMonths NOT EXISTS OR ageLimitMonths IS NULL${underLimit})`;
}

/** `_geoRadius(lat, lng, metres)` for a search with a radius. */
export function geoRadiusClause(near: LatLng & { radiusKm: number }): string {
  assertValidPoint(near);
  if (!(near.radiusKm >= 0)) throw new RangeError(`Invalid radius: ${near.radiusKm}`);
  const metres = near.radiusKm * 1000;
  return `_geoRadius(${formatFilterNumber(near.lat)}, ${formatFilterNumber(near.lng)}, ${formatFilterNumber(metres)})`;
}

/** The sort rule for nearest first. */
export function geoPointSort(point: LatLng): string {
  assertValidPoint(point);
  return `_geoPoint(${formatFilterNumber(point.lat)}, ${formatFilterNumber(point.lng)}):asc`;
}

/**
 * One filter expression for the typed filters and the radius, or undefined when nothing filters.
 * Empty lists filter nothing; `includeNationwide` only widens a region filter.
 */
export function buildFilter(filters: SearchFilters, near?: SearchQuery["near"]): string | undefined {
  const clauses = [
    equals("type", filters.type),
    anyOf("kind", filters.kinds),
    regionClause(filters),
    anyOf("sectors", filters.sectors),
    equals("pavittClasses", filters.pavittClass),
    anyOf("category", filters.categories),
    anyOf("id", filters.ids),
    statusClause(filters),
    filters.programOrigin === undefined
      ? null
      : `(type = "facility" OR windowKind ${filters.programOrigin === "call" ? "IS NOT NULL" : "IS NULL"})`,
    applicantClause(filters),
  ];
  if (near) assertValidPoint(near);
  if (near && near.radiusKm !== undefined) clauses.push(geoRadiusClause({ ...near, radiusKm: near.radiusKm }));
  const present = clauses.filter((clause): clause is string => clause !== null);
  return present.length > 0 ? present.join(" AND ") : undefined;
}
