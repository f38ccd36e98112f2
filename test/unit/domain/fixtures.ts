import type { FacilityCandidate, FirmProfile, MatchContext, ProgramCandidate } from "~/domain/matching/types";
import type { SizeRule } from "~/domain/sme";
import { PAVITT_CLASSES } from "~/domain/types";

/** Seed 001 Table 1 (the 2002 definition), written out for tests that must not depend on data files. */
export const SEED_001_RULES: SizeRule[] = [
  rule("manufacturing", "제조업", "manufacturing", ["C"], [], 300, "capital", 8e9),
  rule(
    "mining-construction-transport",
    "광업·건설업·운수업",
    "mining, construction and transport",
    ["B", "F", "H"],
    [],
    300,
    "capital",
    3e9,
  ),
  rule(
    "retail-hotel-computer",
    "대형 종합소매업·호텔업·컴퓨터 관련 서비스업",
    "large retail, hotels and computer services",
    [],
    ["47", "55", "62", "63"],
    300,
    "sales",
    30e9,
  ),
  rule(
    "utilities-services",
    "전기·가스·수도업 등",
    "electricity, gas, water and assorted services",
    ["D", "E"],
    ["03", "52", "61"],
    200,
    "sales",
    20e9,
  ),
  rule(
    "wholesale-science",
    "도매 및 상품중개업 등",
    "wholesale, intermediation and science services",
    [],
    ["46", "70", "37"],
    100,
    "sales",
    10e9,
  ),
];

function rule(
  id: string,
  sectorNameKo: string,
  sectorNameEn: string,
  ksicSections: string[],
  ksicDivisions: string[],
  maxEmployeesExclusive: number,
  thresholdKind: "capital" | "sales",
  thresholdMaxKrw: number,
): SizeRule {
  return {
    id,
    sectorNameKo,
    sectorNameEn,
    ksicSections,
    ksicDivisions,
    maxEmployeesExclusive,
    thresholdKind,
    thresholdMaxKrw,
    source: "seed 001 Table 1",
  };
}

export const CHANGWON = { lat: 35.2279, lng: 128.6811 };
export const DAEGU = { lat: 35.8714, lng: 128.6014 };
export const DAEJEON = { lat: 36.3504, lng: 127.3845 };

export function firm(overrides: Partial<FirmProfile> = {}): FirmProfile {
  return {
    ksicDivision: "29",
    sectionCode: "C",
    employees: 120,
    location: CHANGWON,
    regionCode: "38",
    certifications: [],
    needs: [],
    ...overrides,
  };
}

export function facility(overrides: Partial<FacilityCandidate> = {}): FacilityCandidate {
  return {
    id: "gn-tp",
    kind: "techno_park",
    nameKo: "경남테크노파크",
    nameEn: "Gyeongnam Technopark",
    regionCode: "38",
    location: CHANGWON,
    sectors: [],
    services: [],
    deliveryModes: [],
    anchorGroupId: null,
    ...overrides,
  };
}

export function program(overrides: Partial<ProgramCandidate> = {}): ProgramCandidate {
  return {
    id: "tech-innovation",
    kind: "program",
    nameKo: "중소기업 기술혁신개발사업",
    nameEn: "SME Technology Innovation Program",
    regionCode: null,
    regionCodes: [],
    nationwide: true,
    location: null,
    sectors: [],
    category: "technology",
    diffusionLevel: null,
    diffusionType: null,
    deliveryModes: [],
    pavittClasses: [...PAVITT_CLASSES],
    targetCapabilities: [],
    smeOnly: false,
    maxEmployees: null,
    requiredCertifications: [],
    providerFacilityId: null,
    ...overrides,
  };
}

export function context(): MatchContext {
  return {
    regions: new Map([
      ["38", { strategicIndustries: ["29", "31"], capitalArea: false }],
      ["27", { strategicIndustries: ["13", "26"], capitalArea: false }],
      ["26", { strategicIndustries: ["31"], capitalArea: false }],
      ["30", { strategicIndustries: ["21", "70"], capitalArea: false }],
    ]),
    anchorGroups: new Map([
      ["doosan", { sectors: ["29", "35"], nameKo: "두산", nameEn: "Doosan" }],
      ["hyundai-motor", { sectors: ["30"], nameKo: "현대자동차", nameEn: "Hyundai Motor" }],
    ]),
    divisions: new Map([
      [
        "10",
        {
          nameKo: "식료품 제조업",
          nameEn: "food products",
          sectionCode: "C",
          defaultPavittClass: "supplier_dominated" as const,
        },
      ],
      [
        "13",
        {
          nameKo: "섬유제품 제조업",
          nameEn: "textiles",
          sectionCode: "C",
          defaultPavittClass: "supplier_dominated" as const,
        },
      ],
      [
        "21",
        {
          nameKo: "의약품 제조업",
          nameEn: "pharmaceuticals",
          sectionCode: "C",
          defaultPavittClass: "science_based" as const,
        },
      ],
      [
        "25",
        {
          nameKo: "금속 가공제품 제조업",
          nameEn: "fabricated metal products",
          sectionCode: "C",
          defaultPavittClass: "supplier_dominated" as const,
        },
      ],
      [
        "29",
        {
          nameKo: "기타 기계 및 장비 제조업",
          nameEn: "machinery and equipment",
          sectionCode: "C",
          defaultPavittClass: "specialized_supplier" as const,
        },
      ],
      [
        "30",
        {
          nameKo: "자동차 및 트레일러 제조업",
          nameEn: "motor vehicles",
          sectionCode: "C",
          defaultPavittClass: "scale_intensive" as const,
        },
      ],
      [
        "35",
        {
          nameKo: "전기, 가스, 증기 및 공기 조절 공급업",
          nameEn: "electricity and gas",
          sectionCode: "D",
          defaultPavittClass: null,
        },
      ],
      [
        "46",
        {
          nameKo: "도매 및 상품 중개업",
          nameEn: "wholesale trade",
          sectionCode: "G",
          defaultPavittClass: "supplier_dominated" as const,
        },
      ],
    ]),
  };
}
