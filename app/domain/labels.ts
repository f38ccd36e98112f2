import type {
  Appropriation,
  Capability,
  Certification,
  DeliveryMode,
  DiffusionLevel,
  FacilityKind,
  FacilityService,
  InnovationFocus,
  Need,
  PavittClass,
  ProgramCategory,
  SizeBand,
  TechSource,
} from "./types";

/** A text in both languages of the product, Korean first. */
export interface Bilingual {
  ko: string;
  en: string;
}

export const PAVITT_CLASS_LABELS: Record<PavittClass, Bilingual> = {
  supplier_dominated: { ko: "공급자 주도형", en: "supplier-dominated" },
  specialized_supplier: { ko: "전문 공급자형", en: "specialized supplier" },
  science_based: { ko: "과학 기반형", en: "science-based" },
  scale_intensive: { ko: "규모 집약형", en: "scale-intensive" },
};

export const SIZE_BAND_LABELS: Record<SizeBand, Bilingual> = {
  micro: { ko: "영세 기업(10명 미만)", en: "micro (under 10 employees)" },
  small: { ko: "소기업(10–49명)", en: "small (10–49 employees)" },
  medium: { ko: "중기업(50–299명)", en: "medium (50–299 employees)" },
  large: { ko: "대규모(300명 이상)", en: "large (300 employees or more)" },
};

export const CAPABILITY_LABELS: Record<Capability, Bilingual> = {
  non_technological: { ko: "비기술형", en: "non-technological" },
  technology_following: { ko: "기술 추종형", en: "technology-following" },
  technology_driven: { ko: "기술 주도형", en: "technology-driven" },
};

export const DIFFUSION_LEVEL_LABELS: Record<DiffusionLevel, Bilingual> = {
  1: { ko: "1단계(특정 기술 도입·적용)", en: "level 1 (adopting specific technologies)" },
  2: { ko: "2단계(기술 수용 역량 강화)", en: "level 2 (general technology receptor capacity)" },
  3: { ko: "3단계(혁신 역량 구축)", en: "level 3 (building innovation capacity)" },
};

export const FACILITY_KIND_LABELS: Record<FacilityKind, Bilingual> = {
  innovation_center: { ko: "지역 혁신센터", en: "regional innovation center" },
  techno_park: { ko: "테크노파크", en: "technopark" },
  industrial_complex: { ko: "산업단지", en: "industrial complex" },
  research_complex: { ko: "연구단지", en: "research complex" },
  business_incubator: { ko: "창업보육센터", en: "business incubator" },
  university_tlo: { ko: "대학 기술이전센터", en: "university technology licensing office" },
  production_institute: { ko: "전문생산기술연구소", en: "specialized production technology institute" },
  kitech_division: { ko: "한국생산기술연구원 지역본부", en: "KITECH regional division" },
};

/** Subtypes of industrial complexes (KICOX's four types) and innovation centers. */
export const FACILITY_SUBTYPE_LABELS: Record<string, Bilingual> = {
  national: { ko: "국가산업단지", en: "national industrial complex" },
  general: { ko: "일반산업단지", en: "general industrial complex" },
  urban_high_tech: { ko: "도시첨단산업단지", en: "urban high-tech industrial complex" },
  agro: { ko: "농공단지", en: "agro-industrial complex" },
  government_led: { ko: "정부 주도", en: "government-led" },
  private: { ko: "민간 자율", en: "privately run" },
  special_rnd_district: { ko: "연구개발특구", en: "special R&D district" },
};

export const SERVICE_LABELS: Record<FacilityService, Bilingual> = {
  startup_incubation: { ko: "창업 보육", en: "start-up incubation" },
  tech_commercialization: { ko: "기술 사업화", en: "technology commercialization" },
  testing_equipment: { ko: "시험·장비 지원", en: "testing and equipment" },
  rnd_collaboration: { ko: "공동 연구개발", en: "R&D collaboration" },
  technical_assistance: { ko: "기술 지도", en: "technical assistance" },
  consulting: { ko: "컨설팅", en: "consulting" },
  finance_linkage: { ko: "투자·금융 연계", en: "finance linkage" },
  export_support: { ko: "수출 지원", en: "export support" },
  training: { ko: "교육·훈련", en: "training" },
  networking: { ko: "네트워킹", en: "networking" },
  shared_growth: { ko: "대·중소기업 상생협력", en: "large-firm shared growth" },
  patent_ip: { ko: "특허·지식재산", en: "patents and IP" },
  demonstration: { ko: "시연·실증", en: "demonstrations" },
  information: { ko: "기술 정보 제공", en: "technology information" },
};

export const DELIVERY_MODE_LABELS: Record<DeliveryMode, Bilingual> = {
  individual: { ko: "개별 상담", en: "individual advice" },
  small_group: { ko: "소그룹 토론", en: "small-group sessions" },
  group: { ko: "단체 설명회·시연회", en: "group presentations and demonstrations" },
  intermediary: { ko: "업종 단체·공급업체 등 중개 채널", en: "intermediaries such as trade associations and suppliers" },
  online: { ko: "온라인", en: "online" },
};

export const NEED_LABELS: Record<Need, Bilingual> = {
  technology: { ko: "기술", en: "technology" },
  finance: { ko: "자금", en: "finance" },
  export: { ko: "수출", en: "export" },
  manpower: { ko: "인력", en: "manpower" },
  startup: { ko: "창업", en: "start-up" },
  management: { ko: "경영", en: "management" },
  domestic_market: { ko: "내수 판로", en: "domestic market" },
  cooperation: { ko: "대기업 협력", en: "cooperation with large firms" },
};

export const PROGRAM_CATEGORY_LABELS: Record<ProgramCategory, Bilingual> = {
  finance: { ko: "금융", en: "finance" },
  technology: { ko: "기술", en: "technology" },
  manpower: { ko: "인력", en: "manpower" },
  export: { ko: "수출", en: "export" },
  domestic_market: { ko: "내수", en: "domestic market" },
  startup: { ko: "창업", en: "start-up" },
  management: { ko: "경영", en: "management" },
  other: { ko: "기타", en: "other" },
};

export const CERTIFICATION_LABELS: Record<Certification, Bilingual> = {
  venture: { ko: "벤처기업", en: "venture business" },
  innobiz: { ko: "이노비즈", en: "Inno-Biz" },
  mainbiz: { ko: "메인비즈", en: "Main-Biz" },
};

/** The three Pavitt questions and their answers, as the firm sees them. */
export const QUESTION_LABELS = {
  techSource: { ko: "기술 원천", en: "sources of technology" },
  appropriation: { ko: "보호 수단", en: "appropriation" },
  innovationFocus: { ko: "혁신 초점", en: "innovation focus" },
} as const satisfies Record<string, Bilingual>;

export const TECH_SOURCE_LABELS: Record<TechSource, Bilingual> = {
  suppliers: { ko: "공급업체·설비업체", en: "suppliers" },
  design_and_users: { ko: "설계·개발과 사용자", en: "design and users" },
  own_rnd: { ko: "자체 연구개발", en: "own R&D" },
  production_engineering: { ko: "생산 엔지니어링", en: "production engineering" },
};

export const APPROPRIATION_LABELS: Record<Appropriation, Bilingual> = {
  trademarks_marketing: { ko: "상표·마케팅·디자인", en: "trademarks and marketing" },
  design_knowhow: { ko: "설계 노하우·고객 지식", en: "design know-how" },
  patents: { ko: "특허", en: "patents" },
  scale_secrecy: { ko: "규모·공정 비밀", en: "scale and process secrecy" },
};

export const INNOVATION_FOCUS_LABELS: Record<InnovationFocus, Bilingual> = {
  process_cost: { ko: "원가 절감 공정", en: "cost-cutting processes" },
  product_performance: { ko: "제품 성능 향상", en: "better product performance" },
  new_products: { ko: "신제품", en: "new products" },
  process_scale: { ko: "대량 생산 공정", en: "large-scale processes" },
};

/** Joins labels into one phrase per language: "기술, 수출" / "technology, export". */
export function joinLabels(labels: Bilingual[]): Bilingual {
  return { ko: labels.map((label) => label.ko).join(", "), en: labels.map((label) => label.en).join(", ") };
}

const KO_UNITS: Array<[number, string]> = [
  [1_000_000_000_000, "조"],
  [100_000_000, "억"],
  [10_000, "만"],
];

/** Korean won amounts as people write them: 80억 원, 1조 2,000억 원, 80억 1원. */
export function formatKrwKo(amount: number): string {
  const whole = Math.round(amount);
  if (whole === 0) return "0원";
  const parts: string[] = [];
  let rest = Math.abs(whole);
  for (const [size, unit] of KO_UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count.toLocaleString("en-US")}${unit}`);
    rest -= count * size;
  }
  if (rest > 0) parts.push(rest.toLocaleString("en-US"));
  const sign = whole < 0 ? "-" : "";
  return rest > 0 ? `${sign}${parts.join(" ")}원` : `${sign}${parts.join(" ")} 원`;
}

/** English won amounts: "KRW 8 bn", "KRW 2.5 bn", "KRW 300 mn"; exact figures when rounding would hide a difference. */
export function formatKrwEn(amount: number): string {
  const whole = Math.round(amount);
  for (const [size, unit] of [
    [1_000_000_000, "bn"],
    [1_000_000, "mn"],
  ] as const) {
    if (Math.abs(whole) >= size && whole % (size / 1000) === 0)
      return `KRW ${(whole / size).toLocaleString("en-US", { maximumFractionDigits: 3 })} ${unit}`;
  }
  return `KRW ${whole.toLocaleString("en-US")}`;
}

/** Percentages with at most one decimal: "5%", "0.3%". */
export function formatPercent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(1))}%`;
}
