import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { ANCHOR_GROUP_TYPES } from "../../app/domain/anchor-groups";
import { readAreas, type AreaRow } from "./areas";
import {
  CERTIFICATIONS,
  COORD_PRECISIONS,
  DELIVERY_MODES,
  DIFFUSION_TYPES,
  FACILITY_KINDS,
  FACILITY_SERVICES,
  PAVITT_CLASSES,
  PROGRAM_CATEGORIES,
  CAPABILITIES,
  isInsideKorea,
} from "../../app/domain/types";

/** The curated files under data/, parsed and checked: the catalogue the seed loads. */
export interface Catalog {
  regions: RegionRecord[];
  ksicSections: KsicSectionRecord[];
  ksicDivisions: KsicDivisionRecord[];
  anchorGroups: AnchorGroupRecord[];
  facilities: FacilityRecord[];
  programs: ProgramRecord[];
  sizeRules: SizeRuleRecord[];
  /** data/areas.csv: the administrative areas the geocoder reads. */
  areas: AreaRow[];
}

const list = z.string().transform((value) =>
  value
    .split(";")
    .map((item) => item.trim())
    .filter((item) => item !== ""),
);
const listOf = <T extends string>(values: readonly T[]) => list.pipe(z.array(z.enum(values as [T, ...T[]])));
const optionalText = z.string().transform((value) => (value.trim() === "" ? null : value.trim()));
const requiredText = z.string().trim().min(1, "must not be empty");
const bool = z.enum(["true", "false"], { message: "must be true or false" }).transform((value) => value === "true");
const finiteNumber = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .pipe(z.coerce.number().refine(Number.isFinite, "must be a number"));
const optionalInteger = z
  .string()
  .trim()
  .transform((value) => (value === "" ? null : Number(value)))
  .refine((value) => value === null || Number.isInteger(value), "must be a whole number");
const optionalDate = z
  .string()
  .trim()
  .refine((value) => value === "" || /^\d{4}-\d{2}-\d{2}$/.test(value), "must be YYYY-MM-DD")
  .transform((value) => (value === "" ? null : value));
const code2 = z
  .string()
  .trim()
  .regex(/^\d{2}$/, "must be a two-digit code");
const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lowercase slug (a-z, 0-9, -)");

const regionSchema = z.object({
  code: code2,
  kostat_code: code2,
  iso_3166_2: z
    .string()
    .trim()
    .regex(/^KR-\d{2}$/, "must look like KR-11"),
  name_ko: requiredText,
  name_ko_short: requiredText,
  name_en: requiredText,
  name_en_full: requiredText,
  capital_area: bool,
  label_lng: finiteNumber,
  label_lat: finiteNumber,
  coord_precision: z.enum(COORD_PRECISIONS),
  strategic_industries: list,
  strategic_industries_note: optionalText,
  source: requiredText,
});

const ksicSectionSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-U]$/, "must be a section letter A–U"),
  name_ko: requiredText,
  name_en: requiredText,
  source: requiredText,
});

const ksicDivisionSchema = z.object({
  code: code2,
  section_code: z
    .string()
    .trim()
    .regex(/^[A-U]$/, "must be a section letter A–U"),
  name_ko: requiredText,
  name_en: requiredText,
  default_pavitt_class: z
    .string()
    .trim()
    .transform((value) => (value === "" ? null : value))
    .pipe(z.enum(PAVITT_CLASSES).nullable()),
  pavitt_basis: z.enum(["bp2016", "pavitt1984", "seed002", "none"]),
  pavitt_note: optionalText,
  source: requiredText,
});

const anchorGroupSchema = z.object({
  id: slug,
  type: z.enum(ANCHOR_GROUP_TYPES),
  name_ko: requiredText,
  name_en: requiredText,
  sectors: list,
  sector_note_en: optionalText,
  source: requiredText,
});

const citation = optionalText;
const optionalUrl = optionalText.refine(
  (value) => value === null || /^https?:\/\//.test(value),
  "must be an http(s) URL",
);

const facilitySchema = z.object({
  id: slug,
  kind: z.enum(FACILITY_KINDS),
  subtype: optionalText,
  name_ko: requiredText,
  name_en: requiredText,
  aliases: list,
  region_code: code2,
  lat: finiteNumber,
  lng: finiteNumber,
  coord_precision: z.enum(COORD_PRECISIONS),
  location_note: optionalText,
  anchor_group_id: optionalText,
  co_anchor_group_ids: list,
  industries: list,
  industries_note_en: optionalText,
  industries_note_ko: optionalText,
  services: listOf(FACILITY_SERVICES),
  delivery_modes: listOf(DELIVERY_MODES),
  opened: optionalText,
  source: requiredText,
  verification: optionalText,
  /** The area the sources place it in, when no street address is cited: what the geocoder reads. */
  area_ko: optionalText,
  address_ko: optionalText,
  phone: optionalText.refine((value) => value === null || /^[0-9+()\- .]+$/.test(value), "must be a phone number"),
  website: optionalUrl,
  opening_hours: optionalText,
  address_source: citation,
  phone_source: citation,
  website_source: citation,
  location_source: citation,
  location_note_ko: optionalText,
  /** Written by `npm run data:derive`: the area the point stands for. */
  area_code: optionalText,
});

const programSchema = z.object({
  id: slug,
  name_ko: requiredText,
  name_en: requiredText,
  summary_ko: optionalText,
  summary_en: optionalText,
  provider_facility_id: optionalText,
  provider_agency_ko: optionalText,
  provider_agency_en: optionalText,
  category: z.enum(PROGRAM_CATEGORIES),
  target_pavitt_classes: listOf(PAVITT_CLASSES),
  target_capabilities: listOf(CAPABILITIES),
  diffusion_level: optionalInteger.refine((v) => v === null || (v >= 1 && v <= 3), "must be 1, 2 or 3"),
  diffusion_type: z
    .string()
    .trim()
    .transform((value) => (value === "" ? null : value))
    .pipe(z.enum(DIFFUSION_TYPES as [string, ...string[]]).nullable()),
  delivery_mode: z
    .string()
    .trim()
    .transform((value) => (value === "" ? null : value))
    .pipe(z.enum(DELIVERY_MODES).nullable()),
  region_scope: z.enum(["national", "regional"]),
  region_codes: list,
  sme_only: bool,
  max_employees: optionalInteger,
  required_certifications: listOf(CERTIFICATIONS),
  sectors: list,
  cost_share_note_en: optionalText,
  period_start: optionalDate,
  period_end: optionalDate,
  period_note_en: optionalText,
  url: optionalText.refine((value) => value === null || /^https?:\/\//.test(value), "must be an http(s) URL"),
  source: requiredText,
});

const sizeRuleSchema = z.object({
  id: slug,
  sector_name_ko: requiredText,
  sector_name_en: requiredText,
  ksic_sections: list,
  ksic_divisions: list,
  max_employees_exclusive: optionalInteger.refine((v) => v !== null && v > 0, "must be a positive whole number"),
  threshold_kind: z.enum(["capital", "sales"]),
  threshold_max_krw: optionalInteger.refine((v) => v !== null && v > 0, "must be a positive whole number"),
  source: requiredText,
  source_note: optionalText,
});

export type RegionRecord = z.infer<typeof regionSchema>;
export type KsicSectionRecord = z.infer<typeof ksicSectionSchema>;
export type KsicDivisionRecord = z.infer<typeof ksicDivisionSchema>;
export type AnchorGroupRecord = z.infer<typeof anchorGroupSchema>;
export type FacilityRecord = z.infer<typeof facilitySchema>;

/** A facility row as the database stores it: contacts and their sources as JSON. */
export function facilityRow(f: FacilityRecord): Record<string, unknown> {
  const {
    area_ko,
    address_ko,
    phone,
    website,
    opening_hours,
    address_source,
    phone_source,
    website_source,
    location_source,
    ...columns
  } = f;
  void area_ko;
  const present = (entries: [string, string | null][]) =>
    Object.fromEntries(entries.filter(([, value]) => value !== null));
  return {
    ...columns,
    contacts: present([
      ["addressKo", address_ko],
      ["phone", phone],
      ["url", website],
      ["openingHours", opening_hours],
    ]),
    fact_sources: present([
      ["address", address_source],
      ["phone", phone_source],
      ["website", website_source],
      ["location", location_source],
    ]),
  };
}
export type ProgramRecord = z.infer<typeof programSchema>;
export type SizeRuleRecord = Omit<z.infer<typeof sizeRuleSchema>, "max_employees_exclusive" | "threshold_max_krw"> & {
  max_employees_exclusive: number;
  threshold_max_krw: number;
};

export const CATALOG_FILES = {
  regions: "regions.csv",
  ksicSections: "ksic_sections.csv",
  ksicDivisions: "ksic_divisions.csv",
  anchorGroups: "anchor_groups.csv",
  facilities: "facilities.csv",
  programs: "programs.csv",
  sizeRules: "sme_size_rules.csv",
} as const;

export class CatalogError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The data files have ${problems.length} problem(s):\n${problems
        .slice(0, 50)
        .map((p) => `  - ${p}`)
        .join("\n")}`,
    );
    this.name = "CatalogError";
  }
}

/** Reads and checks every data file; throws CatalogError listing each problem by file, line and column. */
export function readCatalog(dataDir: string): Catalog {
  const problems: string[] = [];
  const read = <S extends z.ZodTypeAny>(file: string, schema: S): z.output<S>[] =>
    parseFile(path.join(dataDir, file), file, schema, problems);
  const catalog: Catalog = {
    regions: read(CATALOG_FILES.regions, regionSchema),
    ksicSections: read(CATALOG_FILES.ksicSections, ksicSectionSchema),
    ksicDivisions: read(CATALOG_FILES.ksicDivisions, ksicDivisionSchema),
    anchorGroups: read(CATALOG_FILES.anchorGroups, anchorGroupSchema),
    facilities: read(CATALOG_FILES.facilities, facilitySchema),
    programs: read(CATALOG_FILES.programs, programSchema),
    sizeRules: read(CATALOG_FILES.sizeRules, sizeRuleSchema) as SizeRuleRecord[],
    areas: [],
  };
  try {
    catalog.areas = readAreas(dataDir);
  } catch (error) {
    problems.push(`areas.csv: ${(error as Error).message}`);
  }
  problems.push(...checkReferences(catalog));
  if (problems.length > 0) throw new CatalogError(problems);
  return catalog;
}

function parseFile<S extends z.ZodTypeAny>(
  filePath: string,
  file: string,
  schema: S,
  problems: string[],
): z.output<S>[] {
  let text: string;
  try {
    text = fs.readFileSync(filePath, "utf8");
  } catch {
    problems.push(`${file}: file not found at ${filePath}`);
    return [];
  }
  let rows: Record<string, string>[];
  try {
    rows = parse(text.replace(/^\uFEFF/, ""), { columns: true, skip_empty_lines: true, relax_column_count: false });
  } catch (error) {
    problems.push(`${file}: not valid CSV (${(error as Error).message})`);
    return [];
  }
  const shape = (schema as unknown as z.ZodObject<z.ZodRawShape>).shape;
  const [first] = rows;
  const header = first ? Object.keys(first) : [];
  const missing = Object.keys(shape).filter((column) => rows.length > 0 && !header.includes(column));
  if (missing.length > 0) problems.push(`${file}: missing column(s) ${missing.join(", ")}`);

  const records: z.output<S>[] = [];
  rows.forEach((row, index) => {
    const line = index + 2;
    const result = schema.safeParse(row);
    if (result.success) records.push(result.data);
    else
      for (const issue of result.error.issues)
        problems.push(`${file} line ${line}, column ${issue.path.join(".")}: ${issue.message}`);
  });
  return records;
}

/** Cross-file checks: ids unique, every reference resolves, coordinates inside Korea. */
export function checkReferences(catalog: Catalog): string[] {
  const problems: string[] = [];
  const regionCodes = new Set(catalog.regions.map((r) => r.code));
  const sections = new Set(catalog.ksicSections.map((s) => s.code));
  const divisions = new Set(catalog.ksicDivisions.map((d) => d.code));
  const anchors = new Set(catalog.anchorGroups.map((a) => a.id));
  const facilityIds = new Set(catalog.facilities.map((f) => f.id));

  const unique = (file: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${file}: id ${id} appears more than once`);
      seen.add(id);
    }
  };
  const idsByFile: [file: string, ids: string[]][] = [
    [CATALOG_FILES.regions, catalog.regions.map((r) => r.code)],
    [CATALOG_FILES.ksicDivisions, catalog.ksicDivisions.map((d) => d.code)],
    [CATALOG_FILES.anchorGroups, catalog.anchorGroups.map((a) => a.id)],
    [CATALOG_FILES.facilities, catalog.facilities.map((f) => f.id)],
    [CATALOG_FILES.programs, catalog.programs.map((p) => p.id)],
    [CATALOG_FILES.sizeRules, catalog.sizeRules.map((r) => r.id)],
  ];
  for (const [file, ids] of idsByFile) unique(file, ids);

  const checkDivisions = (where: string, codes: string[]) => {
    for (const code of codes) if (!divisions.has(code)) problems.push(`${where}: unknown KSIC division ${code}`);
  };
  for (const region of catalog.regions) {
    checkDivisions(`${CATALOG_FILES.regions} ${region.code}`, region.strategic_industries);
    if (!isInsideKorea({ lat: region.label_lat, lng: region.label_lng }))
      problems.push(`${CATALOG_FILES.regions} ${region.code}: label point is outside Korea`);
  }
  for (const division of catalog.ksicDivisions)
    if (!sections.has(division.section_code))
      problems.push(`${CATALOG_FILES.ksicDivisions} ${division.code}: unknown section ${division.section_code}`);
  for (const anchor of catalog.anchorGroups)
    checkDivisions(`${CATALOG_FILES.anchorGroups} ${anchor.id}`, anchor.sectors);
  for (const facility of catalog.facilities) {
    const where = `${CATALOG_FILES.facilities} ${facility.id}`;
    if (!regionCodes.has(facility.region_code)) problems.push(`${where}: unknown region ${facility.region_code}`);
    if (!isInsideKorea({ lat: facility.lat, lng: facility.lng }))
      problems.push(`${where}: coordinates are outside Korea`);
    for (const anchor of [facility.anchor_group_id, ...facility.co_anchor_group_ids])
      if (anchor !== null && !anchors.has(anchor)) problems.push(`${where}: unknown anchor group ${anchor}`);
    // A facility may name a KSIC class below the division where its source does (134: dyeing and finishing).
    for (const code of facility.industries)
      if (!/^\d{2,5}$/.test(code) || !divisions.has(code.slice(0, 2)))
        problems.push(`${where}: unknown KSIC code ${code}`);
    for (const [field, value, source] of [
      ["address_ko", facility.address_ko, facility.address_source],
      ["phone", facility.phone, facility.phone_source],
      ["website", facility.website, facility.website_source],
    ] as const)
      if (value !== null && source === null) problems.push(`${where}: ${field} has no source`);
  }
  for (const program of catalog.programs) {
    const where = `${CATALOG_FILES.programs} ${program.id}`;
    if (program.provider_facility_id !== null && !facilityIds.has(program.provider_facility_id))
      problems.push(`${where}: unknown provider facility ${program.provider_facility_id}`);
    for (const code of program.region_codes)
      if (!regionCodes.has(code)) problems.push(`${where}: unknown region ${code}`);
    if (program.region_scope === "regional" && program.region_codes.length === 0)
      problems.push(`${where}: a regional program needs region_codes`);
    if (program.region_scope === "national" && program.region_codes.length > 0)
      problems.push(`${where}: a national program has no region_codes`);
    checkDivisions(where, program.sectors);
  }
  for (const rule of catalog.sizeRules) {
    checkDivisions(`${CATALOG_FILES.sizeRules} ${rule.id}`, rule.ksic_divisions);
    for (const section of rule.ksic_sections)
      if (!sections.has(section)) problems.push(`${CATALOG_FILES.sizeRules} ${rule.id}: unknown section ${section}`);
  }
  return problems;
}
