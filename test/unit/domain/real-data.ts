import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { FacilityCandidate, MatchContext, ProgramCandidate } from "~/domain/matching/types";
import type { SizeRule } from "~/domain/sme";
import { PAVITT_CLASSES, type PavittClass } from "~/domain/types";
import { required } from "~/required";

/** The project's curated data files, turned into matcher inputs the way the search documents are built. */
export interface RealData {
  facilities: FacilityCandidate[];
  programs: ProgramCandidate[];
  context: MatchContext;
  sizeRules: SizeRule[];
}

export const DATA_DIR = path.resolve(__dirname, "../../../data");

type Row = Record<string, string>;

function readRows(file: string): Row[] {
  const text = fs.readFileSync(path.join(DATA_DIR, file), "utf8").replace(/^\uFEFF/, "");
  return parse(text, { columns: true, skip_empty_lines: true }) as Row[];
}

const list = (value: string | undefined) =>
  (value ?? "")
    .split(";")
    .map((item) => item.trim())
    .filter((item) => item !== "");
/** A column every row of the file has. */
const text = (value: string | undefined) => required(value, "a column of a data file");
const orNull = (value: string | undefined) => (value === undefined || value.trim() === "" ? null : value.trim());
const numberOrNull = (value: string | undefined) => (orNull(value) === null ? null : Number(value));

export function loadRealData(): RealData {
  const facilities: FacilityCandidate[] = readRows("facilities.csv").map((row) => ({
    id: text(row.id),
    kind: text(row.kind),
    nameKo: text(row.name_ko),
    nameEn: text(row.name_en),
    regionCode: text(row.region_code),
    location: { lat: Number(row.lat), lng: Number(row.lng) },
    sectors: list(row.industries),
    services: list(row.services),
    deliveryModes: list(row.delivery_modes),
    anchorGroupId: orNull(row.anchor_group_id),
  }));
  const facilityById = new Map(facilities.map((facility) => [facility.id, facility]));

  const programs: ProgramCandidate[] = readRows("programs.csv").map((row) => {
    const nationwide = row.region_scope === "national";
    const regionCodes = nationwide ? [] : list(row.region_codes);
    const targets = list(row.target_pavitt_classes);
    const provider = orNull(row.provider_facility_id);
    return {
      id: text(row.id),
      kind: "program",
      nameKo: text(row.name_ko),
      nameEn: text(row.name_en),
      regionCode: regionCodes[0] ?? null,
      regionCodes,
      nationwide,
      location: provider === null ? null : (facilityById.get(provider)?.location ?? null),
      sectors: list(row.sectors),
      category: text(row.category),
      diffusionLevel: numberOrNull(row.diffusion_level),
      diffusionType: orNull(row.diffusion_type),
      deliveryModes: list(row.delivery_mode),
      pavittClasses: targets.length === 0 ? [...PAVITT_CLASSES] : targets,
      targetCapabilities: list(row.target_capabilities),
      smeOnly: row.sme_only === "true",
      maxEmployees: numberOrNull(row.max_employees),
      requiredCertifications: list(row.required_certifications),
      providerFacilityId: provider,
    };
  });

  const context: MatchContext = {
    regions: new Map(
      readRows("regions.csv").map((row) => [
        text(row.code),
        { strategicIndustries: list(row.strategic_industries), capitalArea: row.capital_area === "true" },
      ]),
    ),
    anchorGroups: new Map(
      readRows("anchor_groups.csv").map((row) => [
        text(row.id),
        { sectors: list(row.sectors), nameKo: text(row.name_ko), nameEn: text(row.name_en) },
      ]),
    ),
    divisions: new Map(
      readRows("ksic_divisions.csv").map((row) => [
        text(row.code),
        {
          nameKo: text(row.name_ko),
          nameEn: text(row.name_en),
          sectionCode: text(row.section_code),
          defaultPavittClass: (orNull(row.default_pavitt_class) as PavittClass | null) ?? null,
        },
      ]),
    ),
  };

  const sizeRules: SizeRule[] = readRows("sme_size_rules.csv").map((row) => ({
    id: text(row.id),
    sectorNameKo: text(row.sector_name_ko),
    sectorNameEn: text(row.sector_name_en),
    ksicSections: list(row.ksic_sections),
    ksicDivisions: list(row.ksic_divisions),
    maxEmployeesExclusive: Number(row.max_employees_exclusive),
    thresholdKind: row.threshold_kind === "sales" ? "sales" : "capital",
    thresholdMaxKrw: Number(row.threshold_max_krw),
    source: text(row.source),
  }));

  return { facilities, programs, context, sizeRules };
}
