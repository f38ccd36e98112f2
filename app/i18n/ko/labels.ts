import type { PavittAnswers } from "~/domain/classification";
import type { ApplicantType, Portal, ProgramStatus } from "~/domain/programs/types";
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
} from "~/domain/types";

/** What the codes of the domain are called. Every code of each union needs a name here. */
export const labels = {
  pavittClass: {
    supplier_dominated: "공급자 주도형",
    specialized_supplier: "전문 공급자형",
    science_based: "과학 기반형",
    scale_intensive: "규모 집약형",
  },
  sizeBand: {
    micro: "영세 기업(10명 미만)",
    small: "소기업(10–49명)",
    medium: "중기업(50–299명)",
    large: "대규모(300명 이상)",
  },
  capability: {
    non_technological: "비기술형",
    technology_following: "기술 추종형",
    technology_driven: "기술 주도형",
  },
  diffusionLevel: {
    "1": "1단계(특정 기술 도입·적용)",
    "2": "2단계(기술 수용 역량 강화)",
    "3": "3단계(혁신 역량 구축)",
  },
  facilityKind: {
    innovation_center: "지역 혁신센터",
    techno_park: "테크노파크",
    industrial_complex: "산업단지",
    research_complex: "연구단지",
    business_incubator: "창업보육센터",
    university_tlo: "대학 기술이전센터",
    production_institute: "전문생산기술연구소",
    kitech_division: "한국생산기술연구원 지역본부",
  },
  /** Subtypes of industrial complexes (KICOX's four types) and innovation centers. */
  facilitySubtype: {
    national: "국가산업단지",
    general: "일반산업단지",
    urban_high_tech: "도시첨단산업단지",
    agro: "농공단지",
    government_led: "정부 주도",
    private: "민간 자율",
    special_rnd_district: "연구개발특구",
  },
  service: {
    startup_incubation: "창업 보육",
    tech_commercialization: "기술 사업화",
    testing_equipment: "시험·장비 지원",
    rnd_collaboration: "공동 연구개발",
    technical_assistance: "기술 지도",
    consulting: "컨설팅",
    finance_linkage: "투자·금융 연계",
    export_support: "수출 지원",
    training: "교육·훈련",
    networking: "네트워킹",
    shared_growth: "대·중소기업 상생협력",
    patent_ip: "특허·지식재산",
    demonstration: "시연·실증",
    information: "기술 정보 제공",
  },
  deliveryMode: {
    individual: "개별 상담",
    small_group: "소그룹 토론",
    group: "단체 설명회·시연회",
    intermediary: "업종 단체·공급업체 등 중개 채널",
    online: "온라인",
  },
  need: {
    technology: "기술",
    finance: "자금",
    export: "수출",
    manpower: "인력",
    startup: "창업",
    management: "경영",
    domestic_market: "내수 판로",
    cooperation: "대기업 협력",
  },
  programCategory: {
    finance: "금융",
    technology: "기술",
    manpower: "인력",
    export: "수출",
    domestic_market: "내수",
    startup: "창업",
    management: "경영",
    other: "기타",
  },
  certification: {
    venture: "벤처기업",
    innobiz: "이노비즈",
    mainbiz: "메인비즈",
  },
  question: {
    techSource: "기술 원천",
    appropriation: "보호 수단",
    innovationFocus: "혁신 초점",
  },
  techSource: {
    suppliers: "공급업체·설비업체",
    design_and_users: "설계·개발과 사용자",
    own_rnd: "자체 연구개발",
    production_engineering: "생산 엔지니어링",
  },
  appropriation: {
    trademarks_marketing: "상표·마케팅·디자인",
    design_knowhow: "설계 노하우·고객 지식",
    patents: "특허",
    scale_secrecy: "규모·공정 비밀",
  },
  innovationFocus: {
    process_cost: "원가 절감 공정",
    product_performance: "제품 성능 향상",
    new_products: "신제품",
    process_scale: "대량 생산 공정",
  },
  region: {
    "11": "서울",
    "26": "부산",
    "27": "대구",
    "28": "인천",
    "29": "광주",
    "30": "대전",
    "31": "울산",
    "36": "세종",
    "41": "경기",
    "43": "충북",
    "44": "충남",
    "46": "전남",
    "47": "경북",
    "48": "경남",
    "50": "제주",
    "51": "강원",
    "52": "전북",
  },
  economicZone: {
    수도권: "수도권",
    충청권: "충청권",
    호남권: "호남권",
    대경권: "대경권",
    동남권: "동남권",
    강원권: "강원권",
    제주권: "제주권",
  },
  applicantType: {
    sme: "중소기업",
    micro: "소상공인",
    startup: "창업기업",
    pre_founder: "예비창업자",
    sole_creator: "1인 창조기업",
    general_firm: "일반기업",
    individual: "개인(청소년·대학생·일반인)",
    institution: "대학·연구기관",
    social_enterprise: "사회적기업",
    disabled_owned: "장애인기업",
    women_owned: "여성기업",
  },
  programStatus: {
    open: "접수 중",
    closing_soon: "마감 임박",
    upcoming: "접수 예정",
    closed: "마감",
    rolling: "상시 접수",
  },
  portal: {
    bizinfo: "기업마당",
    kstartup: "K-Startup",
  },
} as const satisfies {
  region: Record<string, string>;
  economicZone: Record<string, string>;
  applicantType: Record<ApplicantType, string>;
  programStatus: Record<ProgramStatus, string>;
  portal: Record<Portal, string>;
  pavittClass: Record<PavittClass, string>;
  sizeBand: Record<SizeBand, string>;
  capability: Record<Capability, string>;
  diffusionLevel: Record<DiffusionLevel, string>;
  facilityKind: Record<FacilityKind, string>;
  facilitySubtype: Record<string, string>;
  service: Record<FacilityService, string>;
  deliveryMode: Record<DeliveryMode, string>;
  need: Record<Need, string>;
  programCategory: Record<ProgramCategory, string>;
  certification: Record<Certification, string>;
  question: Record<keyof PavittAnswers, string>;
  techSource: Record<TechSource, string>;
  appropriation: Record<Appropriation, string>;
  innovationFocus: Record<InnovationFocus, string>;
};
