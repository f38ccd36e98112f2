import { NO_CALL } from "../../app/search/types";
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { josa } from "es-hangul";
import { facilityTargetClasses, programTargetClasses } from "../../app/domain/listing-classes";
import {
  CAPABILITIES,
  DELIVERY_MODES,
  DIFFUSION_TYPES_BY_LEVEL,
  FACILITY_SERVICES,
  PAVITT_CLASSES,
  type PROGRAM_CATEGORIES,
  type DiffusionLevel,
  type FacilityKind,
  type LatLng,
} from "../../app/domain/types";
import type { SearchDocument } from "../../app/search/types";
import { pick, pickSome, weighted, type Random } from "./stats";

/**
 * A synthetic but realistic catalogue for the search benchmark: facility and program names
 * composed from real Korean and English vocabulary (regions and cities, KSIC industries, kinds
 * of facility and support), the way the curated rows in data/ are named.
 */

interface Region {
  code: string;
  nameKo: string;
  nameKoShort: string;
  nameEn: string;
}

export interface City {
  regionCode: string;
  ko: string;
  en: string;
  lat: number;
  lng: number;
}

export interface Industry {
  division: string;
  /** The word people use in names and queries (섬유, not 섬유제품 제조업; 의복 제외). */
  ko: string;
  en: string;
}

interface Division {
  code: string;
  nameKo: string;
  nameEn: string;
}

interface AnchorGroup {
  id: string;
  nameKo: string;
  nameEn: string;
}

/** Real cities and industrial districts with approximate coordinates. */
export const CITIES: readonly City[] = [
  { regionCode: "11", ko: "강남", en: "Gangnam", lat: 37.5, lng: 127.04 },
  { regionCode: "11", ko: "구로", en: "Guro", lat: 37.49, lng: 126.88 },
  { regionCode: "11", ko: "마포", en: "Mapo", lat: 37.56, lng: 126.9 },
  { regionCode: "11", ko: "성수", en: "Seongsu", lat: 37.54, lng: 127.05 },
  { regionCode: "26", ko: "해운대", en: "Haeundae", lat: 35.16, lng: 129.16 },
  { regionCode: "26", ko: "사상", en: "Sasang", lat: 35.15, lng: 128.99 },
  { regionCode: "26", ko: "기장", en: "Gijang", lat: 35.24, lng: 129.22 },
  { regionCode: "27", ko: "달서", en: "Dalseo", lat: 35.83, lng: 128.53 },
  { regionCode: "27", ko: "성서", en: "Seongseo", lat: 35.84, lng: 128.5 },
  { regionCode: "27", ko: "달성", en: "Dalseong", lat: 35.77, lng: 128.43 },
  { regionCode: "27", ko: "신서", en: "Sinseo", lat: 35.88, lng: 128.72 },
  { regionCode: "28", ko: "송도", en: "Songdo", lat: 37.38, lng: 126.66 },
  { regionCode: "28", ko: "남동", en: "Namdong", lat: 37.4, lng: 126.7 },
  { regionCode: "28", ko: "청라", en: "Cheongna", lat: 37.53, lng: 126.64 },
  { regionCode: "28", ko: "부평", en: "Bupyeong", lat: 37.5, lng: 126.72 },
  { regionCode: "29", ko: "첨단", en: "Cheomdan", lat: 35.22, lng: 126.85 },
  { regionCode: "29", ko: "하남", en: "Hanam", lat: 35.18, lng: 126.8 },
  { regionCode: "29", ko: "평동", en: "Pyeongdong", lat: 35.13, lng: 126.75 },
  { regionCode: "30", ko: "대덕", en: "Daedeok", lat: 36.37, lng: 127.36 },
  { regionCode: "30", ko: "유성", en: "Yuseong", lat: 36.36, lng: 127.35 },
  { regionCode: "30", ko: "신탄진", en: "Sintanjin", lat: 36.45, lng: 127.43 },
  { regionCode: "31", ko: "온산", en: "Onsan", lat: 35.43, lng: 129.32 },
  { regionCode: "31", ko: "미포", en: "Mipo", lat: 35.51, lng: 129.43 },
  { regionCode: "31", ko: "울주", en: "Ulju", lat: 35.56, lng: 129.24 },
  { regionCode: "36", ko: "조치원", en: "Jochiwon", lat: 36.6, lng: 127.3 },
  { regionCode: "36", ko: "소정", en: "Sojeong", lat: 36.72, lng: 127.14 },
  { regionCode: "41", ko: "수원", en: "Suwon", lat: 37.26, lng: 127.03 },
  { regionCode: "41", ko: "성남", en: "Seongnam", lat: 37.42, lng: 127.13 },
  { regionCode: "41", ko: "안산", en: "Ansan", lat: 37.32, lng: 126.83 },
  { regionCode: "41", ko: "화성", en: "Hwaseong", lat: 37.2, lng: 126.83 },
  { regionCode: "41", ko: "평택", en: "Pyeongtaek", lat: 36.99, lng: 127.11 },
  { regionCode: "41", ko: "판교", en: "Pangyo", lat: 37.4, lng: 127.11 },
  { regionCode: "43", ko: "청주", en: "Cheongju", lat: 36.64, lng: 127.49 },
  { regionCode: "43", ko: "충주", en: "Chungju", lat: 36.99, lng: 127.93 },
  { regionCode: "43", ko: "오송", en: "Osong", lat: 36.63, lng: 127.33 },
  { regionCode: "43", ko: "음성", en: "Eumseong", lat: 36.94, lng: 127.69 },
  { regionCode: "44", ko: "천안", en: "Cheonan", lat: 36.81, lng: 127.11 },
  { regionCode: "44", ko: "아산", en: "Asan", lat: 36.79, lng: 127.0 },
  { regionCode: "44", ko: "당진", en: "Dangjin", lat: 36.89, lng: 126.63 },
  { regionCode: "44", ko: "서산", en: "Seosan", lat: 36.78, lng: 126.45 },
  { regionCode: "46", ko: "여수", en: "Yeosu", lat: 34.76, lng: 127.66 },
  { regionCode: "46", ko: "광양", en: "Gwangyang", lat: 34.94, lng: 127.7 },
  { regionCode: "46", ko: "목포", en: "Mokpo", lat: 34.81, lng: 126.39 },
  { regionCode: "46", ko: "나주", en: "Naju", lat: 35.02, lng: 126.71 },
  { regionCode: "46", ko: "순천", en: "Suncheon", lat: 34.95, lng: 127.49 },
  { regionCode: "47", ko: "포항", en: "Pohang", lat: 36.02, lng: 129.34 },
  { regionCode: "47", ko: "구미", en: "Gumi", lat: 36.12, lng: 128.34 },
  { regionCode: "47", ko: "경산", en: "Gyeongsan", lat: 35.83, lng: 128.74 },
  { regionCode: "47", ko: "안동", en: "Andong", lat: 36.57, lng: 128.73 },
  { regionCode: "47", ko: "경주", en: "Gyeongju", lat: 35.86, lng: 129.22 },
  { regionCode: "48", ko: "창원", en: "Changwon", lat: 35.23, lng: 128.68 },
  { regionCode: "48", ko: "거제", en: "Geoje", lat: 34.88, lng: 128.62 },
  { regionCode: "48", ko: "김해", en: "Gimhae", lat: 35.23, lng: 128.89 },
  { regionCode: "48", ko: "진주", en: "Jinju", lat: 35.18, lng: 128.11 },
  { regionCode: "48", ko: "사천", en: "Sacheon", lat: 35.0, lng: 128.06 },
  { regionCode: "48", ko: "양산", en: "Yangsan", lat: 35.34, lng: 129.04 },
  { regionCode: "50", ko: "제주", en: "Jeju", lat: 33.5, lng: 126.53 },
  { regionCode: "50", ko: "서귀포", en: "Seogwipo", lat: 33.25, lng: 126.56 },
  { regionCode: "51", ko: "춘천", en: "Chuncheon", lat: 37.88, lng: 127.73 },
  { regionCode: "51", ko: "원주", en: "Wonju", lat: 37.34, lng: 127.92 },
  { regionCode: "51", ko: "강릉", en: "Gangneung", lat: 37.75, lng: 128.88 },
  { regionCode: "52", ko: "전주", en: "Jeonju", lat: 35.82, lng: 127.15 },
  { regionCode: "52", ko: "군산", en: "Gunsan", lat: 35.97, lng: 126.74 },
  { regionCode: "52", ko: "익산", en: "Iksan", lat: 35.95, lng: 126.96 },
  { regionCode: "52", ko: "완주", en: "Wanju", lat: 35.9, lng: 127.16 },
];

/** Everyday industry words and the KSIC-10 division each one names. */
const INDUSTRY_WORDS: ReadonlyArray<readonly [string, string, string]> = [
  ["10", "식품", "Food"],
  ["13", "섬유", "Textile"],
  ["14", "패션", "Fashion"],
  ["15", "신발", "Footwear"],
  ["20", "화학", "Chemical"],
  ["20", "화장품", "Cosmetics"],
  ["21", "바이오", "Bio"],
  ["21", "제약", "Pharmaceutical"],
  ["22", "플라스틱", "Plastics"],
  ["24", "철강", "Steel"],
  ["25", "금속", "Metal"],
  ["26", "전자", "Electronics"],
  ["26", "반도체", "Semiconductor"],
  ["26", "디스플레이", "Display"],
  ["27", "의료기기", "Medical Device"],
  ["28", "전기", "Electrical"],
  ["28", "이차전지", "Battery"],
  ["29", "기계", "Machinery"],
  ["29", "로봇", "Robotics"],
  ["30", "자동차", "Automotive"],
  ["31", "조선", "Shipbuilding"],
  ["31", "항공", "Aerospace"],
  ["35", "에너지", "Energy"],
  ["35", "수소", "Hydrogen"],
  ["52", "물류", "Logistics"],
  ["59", "콘텐츠", "Content"],
  ["62", "소프트웨어", "Software"],
  ["63", "데이터", "Data"],
  ["70", "연구개발", "R&D"],
  ["01", "농업", "Agriculture"],
];

/** How each kind of facility is named: prefix with a place and an industry, then the kind's own words. */
const FACILITY_NAMING: Record<FacilityKind, { ko: string[]; en: string[]; aliasesKo: string[]; aliasesEn: string[] }> =
  {
    innovation_center: {
      ko: ["창조경제혁신센터"],
      en: ["Center for Creative Economy & Innovation"],
      aliasesKo: ["혁신센터", "창조경제혁신센터"],
      aliasesEn: ["CCEI"],
    },
    techno_park: { ko: ["테크노파크"], en: ["Technopark"], aliasesKo: ["테크노파크"], aliasesEn: ["TP"] },
    industrial_complex: {
      ko: ["국가산업단지", "일반산업단지", "산업단지"],
      en: ["National Industrial Complex", "General Industrial Complex", "Industrial Complex"],
      aliasesKo: ["산단", "국가산단"],
      aliasesEn: ["NIC"],
    },
    research_complex: {
      ko: ["연구개발특구", "연구단지"],
      en: ["Innopolis", "Research Complex"],
      aliasesKo: ["특구"],
      aliasesEn: ["Innopolis"],
    },
    business_incubator: {
      ko: ["창업보육센터", "창업지원센터"],
      en: ["Business Incubator", "Startup Support Center"],
      aliasesKo: ["BI", "보육센터"],
      aliasesEn: ["BI"],
    },
    university_tlo: {
      ko: ["대학교 산학협력단", "대학교 기술지주회사"],
      en: ["University Technology Licensing Office", "University Technology Holdings"],
      aliasesKo: ["산학협력단", "TLO"],
      aliasesEn: ["TLO"],
    },
    production_institute: {
      ko: ["전문생산기술연구소"],
      en: ["Production Technology Institute"],
      aliasesKo: ["연구원"],
      aliasesEn: ["Institute"],
    },
    kitech_division: {
      ko: ["생산기술연구원 지역본부"],
      en: ["KITECH Regional Division"],
      aliasesKo: ["생기원"],
      aliasesEn: ["KITECH"],
    },
  };

const FACILITY_KIND_WEIGHTS: ReadonlyArray<readonly [FacilityKind, number]> = [
  ["industrial_complex", 30],
  ["business_incubator", 25],
  ["university_tlo", 18],
  ["techno_park", 10],
  ["research_complex", 10],
  ["innovation_center", 7],
];

const PROGRAM_KINDS: ReadonlyArray<{ ko: string; en: string; category: (typeof PROGRAM_CATEGORIES)[number] }> = [
  { ko: "기술개발 지원사업", en: "Technology Development Support", category: "technology" },
  { ko: "연구개발 바우처", en: "R&D Voucher", category: "technology" },
  { ko: "시제품 제작 지원", en: "Prototype Support", category: "technology" },
  { ko: "시험인증 지원", en: "Testing and Certification Support", category: "technology" },
  { ko: "스마트공장 구축 지원", en: "Smart Factory Build-out Support", category: "technology" },
  { ko: "수출 바우처", en: "Export Voucher", category: "export" },
  { ko: "해외 판로개척 지원", en: "Overseas Market Access Support", category: "export" },
  { ko: "창업 패키지", en: "Startup Package", category: "startup" },
  { ko: "예비창업 지원", en: "Pre-startup Support", category: "startup" },
  { ko: "정책자금 융자", en: "Policy Loan", category: "finance" },
  { ko: "보증 연계 지원", en: "Credit Guarantee Linkage", category: "finance" },
  { ko: "인력양성 사업", en: "Workforce Training Program", category: "manpower" },
  { ko: "청년 인재 채용 지원", en: "Young Talent Hiring Support", category: "manpower" },
  { ko: "경영 컨설팅 지원", en: "Management Consulting Support", category: "management" },
  { ko: "특허 출원 지원", en: "Patent Filing Support", category: "management" },
  { ko: "국내 판로 지원", en: "Domestic Market Support", category: "domestic_market" },
  { ko: "공동 마케팅 지원", en: "Joint Marketing Support", category: "domestic_market" },
];

const NATIONAL_AGENCIES: ReadonlyArray<readonly [string, string]> = [
  ["중소벤처기업부", "Ministry of SMEs and Startups"],
  ["산업통상자원부", "Ministry of Trade, Industry and Energy"],
  ["중소벤처기업진흥공단", "Korea SMEs and Startups Agency"],
  ["한국산업기술진흥원", "Korea Institute for Advancement of Technology"],
  ["기술보증기금", "Korea Technology Finance Corporation"],
  ["대한무역투자진흥공사", "KOTRA"],
];

/** The rows of a file in data/ with the columns named; an Error names a column the file lacks. */
function readCsv<Column extends string>(file: string, columns: readonly Column[]): Record<Column, string>[] {
  const rows = parse(fs.readFileSync(path.resolve("data", file), "utf8"), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  const missing = columns.find((column) => rows.some((row) => row[column] === undefined));
  if (missing !== undefined) throw new Error(`data/${file} has no column ${missing}`);
  return rows as Record<Column, string>[];
}

export interface Vocabulary {
  regions: Map<string, Region>;
  divisions: Map<string, Division>;
  industries: Industry[];
  anchorGroups: AnchorGroup[];
}

/** Regions, KSIC divisions and anchor groups from the project's curated files. */
export function loadVocabulary(): Vocabulary {
  const regions = new Map(
    readCsv("regions.csv", ["code", "name_ko", "name_ko_short", "name_en"]).map((row) => [
      row.code,
      { code: row.code, nameKo: row.name_ko, nameKoShort: row.name_ko_short, nameEn: row.name_en },
    ]),
  );
  const divisions = new Map(
    readCsv("ksic_divisions.csv", ["code", "name_ko", "name_en"]).map((row) => [
      row.code,
      { code: row.code, nameKo: row.name_ko, nameEn: row.name_en },
    ]),
  );
  const industries = INDUSTRY_WORDS.map(([division, ko, en]) => {
    if (!divisions.has(division)) throw new Error(`KSIC division ${division} is not in data/ksic_divisions.csv`);
    return { division, ko, en };
  });
  const anchorGroups = readCsv("anchor_groups.csv", ["id", "name_ko", "name_en"]).map((row) => ({
    id: row.id,
    nameKo: row.name_ko,
    nameEn: row.name_en,
  }));
  for (const city of CITIES)
    if (!regions.has(city.regionCode)) throw new Error(`region ${city.regionCode} is not in data/regions.csv`);
  return { regions, divisions, industries, anchorGroups };
}

/** A point within about 4 km of the city centre. */
function near(random: Random, city: City): LatLng {
  return { lat: city.lat + (random() - 0.5) * 0.07, lng: city.lng + (random() - 0.5) * 0.09 };
}

const ORDINALS_KO = ["", "", "", "제2", "제3"];

function sectorFields(vocabulary: Vocabulary, codes: string[]) {
  return {
    sectors: codes,
    sectorLabelsKo: codes.map((code) => vocabulary.divisions.get(code)!.nameKo),
    sectorLabelsEn: codes.map((code) => vocabulary.divisions.get(code)!.nameEn),
  };
}

function relatedSectors(random: Random, vocabulary: Vocabulary, main: Industry): string[] {
  const others = pickSome(random, vocabulary.industries, Math.floor(random() * 3)).map((industry) => industry.division);
  return [...new Set([main.division, ...others])];
}

function facilityDocument(random: Random, vocabulary: Vocabulary, index: number): SearchDocument {
  const kind = weighted(random, FACILITY_KIND_WEIGHTS);
  const city = pick(random, CITIES);
  const region = vocabulary.regions.get(city.regionCode)!;
  const industry = pick(random, vocabulary.industries);
  const naming = FACILITY_NAMING[kind];
  const variant = Math.floor(random() * naming.ko.length);
  const ordinal = kind === "industrial_complex" ? pick(random, ORDINALS_KO) : "";
  const place = random() < 0.25 ? { ko: region.nameKoShort, en: region.nameEn } : city;
  const nameKo = `${place.ko}${industry.ko}${ordinal}${naming.ko[variant]}`;
  const nameEn = `${place.en} ${industry.en}${ordinal ? ` ${ordinal.slice(1)}` : ""} ${naming.en[variant]}`;
  const aliases = [
    ...naming.aliasesKo.map((alias) => `${place.ko}${alias}`),
    ...naming.aliasesEn.map((alias) => `${place.en} ${alias}`),
  ];
  const services = pickSome(random, FACILITY_SERVICES, 2 + Math.floor(random() * 3));
  const anchor = kind === "innovation_center" ? pick(random, vocabulary.anchorGroups) : null;
  return {
    ...NO_CALL,
    id: `bench-facility-${index}`,
    type: "facility",
    kind,
    subtype: null,
    nameKo,
    nameEn,
    aliases,
    descriptionKo: `${city.ko} 지역 ${industry.ko} 기업의 ${josa(pick(random, ["기술 사업화", "시험 장비 공동 활용", "창업 보육", "수출 지원", "연구개발 협력"]), "을/를")} 돕습니다.`,
    descriptionEn: `Supports ${industry.en.toLowerCase()} firms around ${city.en} with ${pick(random, ["commercialisation", "shared testing equipment", "incubation", "export support", "joint R&D"])}.`,
    ...sectorFields(vocabulary, relatedSectors(random, vocabulary, industry)),
    anchorGroupId: anchor?.id ?? null,
    anchorGroupKo: anchor?.nameKo ?? null,
    anchorGroupEn: anchor?.nameEn ?? null,
    regionCode: region.code,
    regionCodes: [region.code],
    regionNamesKo: [region.nameKo, region.nameKoShort],
    regionNamesEn: [region.nameEn],
    nationwide: false,
    pavittClasses: facilityTargetClasses(kind, services),
    category: null,
    diffusionLevel: null,
    location: near(random, city),
    smeOnly: false,
    maxEmployees: null,
    requiredCertifications: [],
    providerFacilityId: null,
    services,
    deliveryModes: pickSome(random, DELIVERY_MODES, 1 + Math.floor(random() * 2)),
    targetCapabilities: [],
    diffusionType: null,
    coordPrecision: "district",
  };
}

function programDocument(
  random: Random,
  vocabulary: Vocabulary,
  facilities: readonly SearchDocument[],
  index: number,
): SearchDocument {
  const programKind = pick(random, PROGRAM_KINDS);
  const industry = pick(random, vocabulary.industries);
  const provider = random() < 0.7 ? pick(random, facilities) : null;
  const agency = provider ? null : pick(random, NATIONAL_AGENCIES);
  const region = provider ? vocabulary.regions.get(provider.regionCode!)! : null;
  const year = 2020 + Math.floor(random() * 7);
  const prefixKo = region ? `${region.nameKoShort} ` : "";
  const prefixEn = region ? `${region.nameEn} ` : "";
  const level = (1 + Math.floor(random() * 3)) as DiffusionLevel;
  return {
    ...NO_CALL,
    id: `bench-program-${index}`,
    type: "program",
    kind: "program",
    subtype: null,
    nameKo: `${year}년 ${prefixKo}${industry.ko} ${programKind.ko}`,
    nameEn: `${year} ${prefixEn}${industry.en} ${programKind.en}`,
    aliases: provider ? [provider.nameKo, provider.nameEn] : [agency![0], agency![1]],
    descriptionKo: `${industry.ko} 분야 중소기업을 대상으로 ${josa(programKind.ko.replace(/ 지원(사업)?$/, ""), "을/를")} 지원합니다.`,
    descriptionEn: `${programKind.en} for small and medium ${industry.en.toLowerCase()} firms.`,
    ...sectorFields(vocabulary, relatedSectors(random, vocabulary, industry)),
    anchorGroupId: null,
    anchorGroupKo: null,
    anchorGroupEn: null,
    regionCode: region?.code ?? null,
    regionCodes: region ? [region.code] : [],
    regionNamesKo: region ? [region.nameKo, region.nameKoShort] : [],
    regionNamesEn: region ? [region.nameEn] : [],
    nationwide: region === null,
    pavittClasses: programTargetClasses(
      random() < 0.3 ? [] : pickSome(random, PAVITT_CLASSES, 1 + Math.floor(random() * 2)),
    ),
    category: programKind.category,
    diffusionLevel: level,
    location: provider?.location ?? null,
    smeOnly: random() < 0.8,
    maxEmployees: random() < 0.3 ? pick(random, [50, 100, 300]) : null,
    requiredCertifications: random() < 0.15 ? ["venture"] : [],
    providerFacilityId: provider?.id ?? null,
    services: [],
    deliveryModes: [pick(random, DELIVERY_MODES)],
    targetCapabilities: pickSome(random, CAPABILITIES, 1 + Math.floor(random() * 2)),
    diffusionType: pick(random, DIFFUSION_TYPES_BY_LEVEL[level]),
    coordPrecision: provider?.coordPrecision ?? null,
  };
}

export function buildCatalogue(
  random: Random,
  vocabulary: Vocabulary,
  counts: { facilities: number; programs: number },
): SearchDocument[] {
  const facilities = Array.from({ length: counts.facilities }, (_, i) => facilityDocument(random, vocabulary, i));
  const programs = Array.from({ length: counts.programs }, (_, i) =>
    programDocument(random, vocabulary, facilities, i),
  );
  return [...facilities, ...programs];
}
