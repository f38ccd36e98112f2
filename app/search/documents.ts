import { facilityTargetClasses, programTargetClasses } from "~/domain/listing-classes";
import { callAgeLimitMonths } from "~/domain/programs/eligibility";
import type { Facility } from "~db/queries/facilities";
import type { Program } from "~db/queries/programs";
import type { ListingLookups } from "~db/queries/search-source";
import { dayNumber } from "./program-status";
import { NO_CALL, type SearchDocument } from "./types";

export function facilityDocument(f: Facility, lookups: ListingLookups): SearchDocument {
  const region = lookups.regions.get(f.regionCode);
  return {
    ...NO_CALL,
    id: f.id,
    type: "facility",
    kind: f.kind,
    subtype: f.subtype,
    nameKo: f.nameKo,
    nameEn: f.nameEn,
    aliases: f.aliases,
    descriptionKo: f.industriesNoteKo ?? "",
    descriptionEn: f.industriesNoteEn ?? "",
    ...sectorFields(f.sectors, lookups),
    anchorGroupId: f.anchorGroup?.id ?? null,
    anchorGroupKo: f.anchorGroup?.nameKo ?? null,
    anchorGroupEn: f.anchorGroup?.nameEn ?? null,
    regionCode: f.regionCode,
    regionCodes: [f.regionCode],
    regionNamesKo: region ? [region.nameKo, region.nameKoShort] : [],
    regionNamesEn: region ? [region.nameEn] : [],
    nationwide: false,
    pavittClasses: facilityTargetClasses(f.kind, f.services),
    category: null,
    diffusionLevel: null,
    location: { lat: f.lat, lng: f.lng },
    smeOnly: false,
    maxEmployees: null,
    requiredCertifications: [],
    providerFacilityId: null,
    services: f.services,
    deliveryModes: f.deliveryModes,
    targetCapabilities: [],
    diffusionType: null,
    coordPrecision: f.precision,
  };
}

/** A program sits where its provider facility is; nationwide programs without a provider have no place. */
export function programDocument(
  p: Program,
  provider: Pick<Facility, "lat" | "lng" | "precision" | "nameKo" | "nameEn"> | undefined,
  lookups: ListingLookups,
): SearchDocument {
  const regions = p.regionCodes.flatMap((code) => lookups.regions.get(code) ?? []);
  return {
    ...callFields(p),
    id: p.id,
    type: "program",
    kind: "program",
    subtype: null,
    nameKo: p.nameKo,
    nameEn: p.nameEn,
    aliases: [p.providerAgencyKo, p.providerAgencyEn, provider?.nameKo, provider?.nameEn].filter(
      (value): value is string => Boolean(value),
    ),
    descriptionKo: p.summaryKo ?? "",
    descriptionEn: p.summaryEn ?? "",
    ...sectorFields(p.sectors, lookups),
    anchorGroupId: null,
    anchorGroupKo: null,
    anchorGroupEn: null,
    regionCode: p.regionCodes[0] ?? null,
    regionCodes: p.regionCodes,
    regionNamesKo: regions.flatMap((r) => [r.nameKo, r.nameKoShort]),
    regionNamesEn: regions.map((r) => r.nameEn),
    nationwide: p.regionScope === "national",
    pavittClasses: programTargetClasses(p.targetPavittClasses),
    category: p.category,
    diffusionLevel: p.diffusionLevel,
    location: provider ? { lat: provider.lat, lng: provider.lng } : null,
    smeOnly: p.smeOnly,
    maxEmployees: p.maxEmployees,
    requiredCertifications: p.requiredCertifications,
    providerFacilityId: p.providerFacilityId,
    services: [],
    deliveryModes: p.deliveryMode ? [p.deliveryMode] : [],
    targetCapabilities: p.targetCapabilities,
    diffusionType: p.diffusionType,
    coordPrecision: provider?.precision ?? null,
  };
}

/** Classes below a division (134) are indexed with their division (13), so a division filter finds them. */
function sectorFields(given: string[], lookups: ListingLookups) {
  const codes = [...new Set(given.flatMap((code) => (code.length > 2 ? [code.slice(0, 2), code] : [code])))];
  return {
    sectors: codes,
    sectorLabelsKo: codes.map((code) => lookups.divisions.get(code)?.nameKo ?? code),
    sectorLabelsEn: codes.map((code) => lookups.divisions.get(code)?.nameEn ?? code),
  };
}

/** An imported call's window and eligibility facts; a curated program has none (it is a standing program). */
function callFields(p: Program): Pick<SearchDocument, keyof typeof NO_CALL> {
  const call = p.call;
  if (!call) return NO_CALL;
  return {
    windowKind: call.windowKind,
    windowStart: call.windowStart,
    windowEnd: call.windowEnd,
    windowStartDay: dayNumber(call.windowStart),
    windowEndDay: dayNumber(call.windowEnd),
    withdrawn: call.withdrawn,
    applicantTypes: call.applicantTypes,
    businessAge: call.businessAge,
    ageLimitMonths: callAgeLimitMonths(call.applicantTypes, call.businessAge),
    regionBasis: call.regionBasis,
    applicantField: call.applicantField,
    ageField: call.ageField,
  };
}
