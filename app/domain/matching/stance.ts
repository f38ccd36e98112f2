import type { Bilingual } from "../labels";
import type { PavittClass, Reason } from "../types";

/** What a listing offers, in the terms the stance rules read; programs have kind "program". */
export interface ListingFeatures {
  kind: string;
  services: readonly string[];
  deliveryModes: readonly string[];
  /** The anchor group running the listing's large-firm cooperation, with its name. */
  anchorGroup: { id: string; name: Bilingual } | null;
  category: string | null;
  diffusionLevel: number | null;
  diffusionType: string | null;
}

export interface StanceVerdict {
  /** Share of the stance points, 0–1. */
  fraction: number;
  reason: Reason | null;
}

interface StanceRule {
  when: (listing: ListingFeatures) => boolean;
  fraction: number;
  reason: ((listing: ListingFeatures) => Reason) | null;
}

const has = (values: readonly string[], ...wanted: string[]) => wanted.some((value) => values.includes(value));
const isKind =
  (...kinds: string[]) =>
  (listing: ListingFeatures) =>
    kinds.includes(listing.kind);
const offers =
  (...services: string[]) =>
  (listing: ListingFeatures) =>
    has(listing.services, ...services);
const deliversBy =
  (...modes: string[]) =>
  (listing: ListingFeatures) =>
    has(listing.deliveryModes, ...modes);
const isProgram = (listing: ListingFeatures) => listing.kind === "program";
const any =
  (...tests: Array<(listing: ListingFeatures) => boolean>) =>
  (listing: ListingFeatures) =>
    tests.some((test) => test(listing));
const always = () => true;

const REGIONAL_CENTER = ["innovation_center", "techno_park"];

const coreTarget = (listing: ListingFeatures): Reason =>
  isProgram(listing)
    ? {
        rule: "stance.core_target",
        ko: "전문 공급자형 기업에 맞는 기술 지원입니다. 전문 공급자형 기업은 지역 혁신기관이 가장 중점적으로 돕는 대상입니다.",
        en: "Technology support of the kind specialized suppliers need; they are the core target of regional innovation support.",
      }
    : {
        rule: "stance.core_target",
        ko: "전문 공급자형 기업은 지역 혁신센터와 테크노파크가 가장 중점적으로 돕는 대상입니다. 개별 상담과 소그룹 토론으로 기술 자문을 받고, 필요한 기술 원천과도 연결될 수 있습니다.",
        en: "Specialized suppliers are the core target of regional innovation centers and technoparks: direct, individual advice and small-group sessions, and links to the right sources of technology.",
      };

/** The institutes that carry production technology to firms of one industry. */
const EXTENSION_SERVICE = ["production_institute", "kitech_division"];

const extensionService = (): Reason => ({
  rule: "stance.extension_service",
  ko: "공급자 주도형 기업은 설비·소재 공급업체와 기술 보급 기관에서 기술을 얻습니다. 이곳은 업종별 생산기술을 시험·시제품·교육으로 보급하는 기관입니다.",
  en: "Supplier-dominated firms get their technology from suppliers and extension services; this institute extends production technology to its industry through testing, prototypes and training.",
});

const technologySource = (): Reason => ({
  rule: "stance.technology_source",
  ko: "연구단지·대학·창업보육센터는 전문 공급자형 기업에 기술 원천이 됩니다. 지역 혁신센터의 연결을 받으면 더 효과적입니다.",
  en: "Research complexes, universities and incubators are sources of technology for specialized suppliers, best approached with a regional center's introduction.",
});

const intermediary = (listing: ListingFeatures): Reason =>
  isProgram(listing)
    ? {
        rule: "stance.intermediary",
        ko: "시연·단체 설명회나 중개 채널로 새 기술을 전하는 사업으로, 공급자 주도형 기업에 알맞은 방식입니다.",
        en: "Brings new technology through demonstrations, group sessions or intermediaries: the way that works for supplier-dominated firms.",
      }
    : {
        rule: "stance.intermediary",
        ko: "공급자 주도형 기업은 지역 혁신기관이 두 번째로 중점을 두는 대상입니다. 업종 단체·공급업체 같은 중개 채널과 단체 설명회·시연회를 통해 새 기술을 접하는 것이 효과적입니다.",
        en: "Supplier-dominated firms are the regional centers' second target, best reached through intermediaries such as trade associations and suppliers, and through group presentations and demonstrations.",
      };

const scienceBased = (): Reason => ({
  rule: "stance.science_based",
  ko: "과학 기반형 기업에는 연구단지, 대학 기술이전센터, 특허 정보, 벤처 투자·금융이 잘 맞습니다.",
  en: "Science-based firms are best served by research complexes, university technology licensing offices, patent information and venture finance.",
});

const notPrimary = (): Reason => ({
  rule: "stance.not_primary",
  ko: "과학 기반형 기업은 자체 연구 역량이 높아 지역 혁신센터의 주된 지원 대상은 아닙니다. 다른 기업에 기술을 공급하는 협력 파트너로 참여할 수 있습니다.",
  en: "Science-based firms have strong research of their own and are not the main target of regional centers; they can take part as a source of technology for other firms.",
});

const sharedGrowth = (listing: ListingFeatures): Reason =>
  listing.anchorGroup === null
    ? {
        rule: "stance.shared_growth",
        ko: "규모 집약형 기업에는 대기업과의 상생협력이 맞습니다. 이곳은 대·중소기업 상생협력 프로그램을 운영합니다.",
        en: "Scale-intensive firms fit cooperation with large firms, and this listing runs large-firm shared-growth programs.",
      }
    : {
        rule: "stance.shared_growth",
        ko: `규모 집약형 기업에는 대기업과의 상생협력이 맞습니다. 이곳에서는 앵커 기업 ${listing.anchorGroup.name.ko}의 상생협력에 참여할 수 있습니다.`,
        en: `Scale-intensive firms fit cooperation with large firms; here the anchor group ${listing.anchorGroup.name.en} runs shared-growth cooperation with SMEs.`,
      };

const industrialComplex = (): Reason => ({
  rule: "stance.industrial_complex",
  ko: "규모 집약형 기업은 대개 대기업 협력업체로, 산업단지의 대기업 협력망과 기반시설을 활용하는 것이 맞습니다.",
  en: "Scale-intensive SMEs are usually subcontractors of large firms; an industrial complex's network of large firms and shared infrastructure suits them.",
});

const notTarget = (): Reason => ({
  rule: "stance.not_target",
  ko: "규모 집약형 기업은 지역 혁신센터의 지원 대상이 분명히 아닙니다. 대기업과의 상생협력 프로그램이 더 잘 맞습니다.",
  en: "Scale-intensive firms are clearly not the target of regional innovation centers; shared-growth cooperation with large firms fits better.",
});

/**
 * How well a listing suits each class, from seed 002 Table 2-8, footnote 67 and the text
 * after it. The first rule that holds decides; rules run from the best fit down.
 * - Specialized suppliers are the core target of regional centers: direct, individual
 *   contact and small-group sessions, technical assistance, brokered links to sources.
 * - Supplier-dominated firms are the second target, costly to reach: intermediaries
 *   (trade associations, suppliers, banks) and group presentations, demonstrations, trials.
 * - Science-based firms are not the centers' primary target: research complexes,
 *   universities, patent information and venture finance fit them.
 * - Scale-intensive firms "clearly do not belong to the target group"; as subcontractors
 *   of large firms they fit anchor-group shared growth (seeds 000, 003) and complexes.
 */
const STANCE_RULES: Record<PavittClass, StanceRule[]> = {
  specialized_supplier: [
    { when: isKind(...REGIONAL_CENTER), fraction: 1, reason: coreTarget },
    {
      when: (listing) =>
        isProgram(listing) &&
        listing.category === "technology" &&
        (listing.diffusionLevel === 2 || deliversBy("individual", "small_group")(listing)),
      fraction: 1,
      reason: coreTarget,
    },
    {
      when: any(offers("technical_assistance", "testing_equipment", "consulting"), deliversBy("small_group")),
      fraction: 0.8,
      reason: coreTarget,
    },
    { when: (listing) => isProgram(listing) && listing.category === "technology", fraction: 0.7, reason: coreTarget },
    { when: isKind("research_complex", "university_tlo", "business_incubator"), fraction: 0.5, reason: technologySource },
    { when: always, fraction: 0.3, reason: null },
  ],
  supplier_dominated: [
    // Table 2-8: suppliers' research and extension services are these firms' sources of technology.
    { when: isKind(...EXTENSION_SERVICE), fraction: 1, reason: extensionService },
    {
      when: (listing) =>
        isKind("techno_park", "industrial_complex", "innovation_center")(listing) &&
        any(offers("demonstration", "networking", "information"), deliversBy("group", "intermediary"))(listing),
      fraction: 1,
      reason: intermediary,
    },
    {
      when: (listing) => isProgram(listing) && (listing.diffusionLevel === 1 || deliversBy("group", "intermediary")(listing)),
      fraction: 1,
      reason: intermediary,
    },
    { when: isKind("techno_park", "industrial_complex", "innovation_center"), fraction: 0.7, reason: intermediary },
    {
      when: any(offers("demonstration", "networking", "information"), deliversBy("group", "intermediary")),
      fraction: 0.7,
      reason: intermediary,
    },
    { when: always, fraction: 0.3, reason: null },
  ],
  science_based: [
    { when: isKind("research_complex", "university_tlo"), fraction: 1, reason: scienceBased },
    { when: (listing) => isProgram(listing) && listing.category === "finance", fraction: 1, reason: scienceBased },
    { when: offers("patent_ip", "finance_linkage"), fraction: 0.9, reason: scienceBased },
    {
      when: (listing) => isProgram(listing) && (listing.diffusionLevel === 3 || listing.diffusionType === "university_industry"),
      fraction: 0.9,
      reason: scienceBased,
    },
    { when: any(isKind("business_incubator"), offers("rnd_collaboration", "tech_commercialization")), fraction: 0.7, reason: scienceBased },
    { when: isKind(...REGIONAL_CENTER), fraction: 0.2, reason: notPrimary },
    { when: (listing) => isProgram(listing) && listing.category === "technology", fraction: 0.5, reason: null },
    { when: always, fraction: 0.3, reason: null },
  ],
  scale_intensive: [
    { when: (listing) => listing.anchorGroup !== null && offers("shared_growth")(listing), fraction: 1, reason: sharedGrowth },
    { when: (listing) => listing.anchorGroup !== null || offers("shared_growth")(listing), fraction: 0.7, reason: sharedGrowth },
    { when: isKind("industrial_complex"), fraction: 0.7, reason: industrialComplex },
    { when: isKind(...REGIONAL_CENTER), fraction: 0.1, reason: notTarget },
    { when: always, fraction: 0.3, reason: null },
  ],
};

export function stanceOf(cls: PavittClass, listing: ListingFeatures): StanceVerdict {
  const rule = STANCE_RULES[cls].find((candidate) => candidate.when(listing)) as StanceRule;
  return { fraction: rule.fraction, reason: rule.reason === null ? null : rule.reason(listing) };
}
