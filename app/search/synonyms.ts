import { normalizeText, tokenize } from "./text";

/**
 * Groups of interchangeable search terms, Korean and English. Every term in a group stands for
 * every other term of the same group, and no term belongs to two groups. Terms are written as
 * users type them; `normalizeSynonymTerm` gives the form both engines compare.
 *
 * A bare 광 (light, as in 광산업) is left out of the optics group on purpose: as a one-syllable
 * Hangul substring it would match 광주, 광역시 and 관광 as well.
 */
export const SYNONYM_GROUPS: ReadonlyArray<readonly string[]> = [
  // Industries
  ["기계", "machinery", "machine", "machines", "mechanical"],
  ["섬유", "textile", "textiles"],
  ["패션", "fashion", "의류", "apparel"],
  ["전자", "electronics", "electronic"],
  ["반도체", "semiconductor", "semiconductors"],
  ["디스플레이", "display", "displays"],
  ["자동차", "automotive", "automobile", "automobiles", "car", "cars", "auto"],
  ["조선", "조선업", "shipbuilding", "shipyard"],
  ["철강", "steel", "제철"],
  ["금속", "metal", "metals"],
  ["석유화학", "화학", "petrochemical", "petrochemicals", "chemical", "chemicals"],
  ["바이오", "생명공학", "bio", "biotech", "biotechnology"],
  ["의약", "제약", "의약품", "pharmaceutical", "pharmaceuticals", "pharma"],
  ["의료기기", "medical device", "medical devices"],
  ["광학", "광융합", "포토닉스", "optics", "optical", "photonics"],
  ["물류", "logistics"],
  ["식품", "food", "foods"],
  ["소프트웨어", "software", "sw", "it", "ict", "정보통신"],
  ["인공지능", "ai", "artificial intelligence"],
  ["에너지", "energy"],
  ["관광", "tourism"],
  ["로봇", "robot", "robots", "robotics"],
  ["항공", "항공우주", "aerospace", "aviation"],
  ["게임", "game", "games"],
  ["콘텐츠", "content", "contents"],
  ["뷰티", "화장품", "beauty", "cosmetics"],
  ["스마트공장", "스마트팩토리", "smart factory"],
  ["농업", "agriculture", "agri", "farming"],
  ["수소", "hydrogen"],
  ["탄소섬유", "carbon fiber", "carbon fibre"],
  // Institutions and abbreviations
  ["tp", "테크노파크", "technopark", "technoparks", "techno park"],
  ["ccei", "창조경제혁신센터", "혁신센터", "innovation center", "creative economy"],
  ["nic", "국가산단", "국가산업단지", "national industrial complex"],
  ["산단", "산업단지", "industrial complex", "industrial park"],
  ["대덕특구", "대덕연구개발특구", "innopolis", "daedeok innopolis"],
  ["r&d", "연구개발", "research and development"],
  ["창업", "startup", "startups", "start up"],
  ["수출", "export", "exports"],
  ["금융", "finance", "financing"],
  ["인력", "manpower", "workforce"],
  ["교육", "training"],
  ["특허", "patent", "patents", "지식재산"],
  ["컨설팅", "consulting"],
  ["마케팅", "marketing", "판로"],
  ["중소기업", "sme", "smes"],
  ["벤처", "venture", "ventures"],
  ["보증", "guarantee", "credit guarantee"],
  ["기술이전", "technology transfer", "사업화", "commercialization"],
  // Regions (provinces and metropolitan cities)
  ["서울", "서울특별시", "seoul"],
  ["부산", "부산광역시", "busan"],
  ["대구", "대구광역시", "daegu"],
  ["인천", "인천광역시", "incheon"],
  ["광주", "광주광역시", "gwangju"],
  ["대전", "대전광역시", "daejeon"],
  ["울산", "울산광역시", "ulsan"],
  ["세종", "세종특별자치시", "sejong"],
  ["경기", "경기도", "gyeonggi"],
  ["강원", "강원도", "강원특별자치도", "gangwon"],
  ["충북", "충청북도", "chungbuk", "north chungcheong"],
  ["충남", "충청남도", "chungnam", "south chungcheong"],
  ["전북", "전라북도", "전북특별자치도", "jeonbuk", "north jeolla"],
  ["전남", "전라남도", "jeonnam", "south jeolla"],
  ["경북", "경상북도", "gyeongbuk", "north gyeongsang"],
  ["경남", "경상남도", "gyeongnam", "south gyeongsang"],
  ["제주", "제주도", "제주특별자치도", "jeju"],
  // Cities and districts
  ["창원", "changwon"],
  ["구미", "gumi"],
  ["포항", "pohang"],
  ["안산", "ansan"],
  ["시흥", "siheung"],
  ["군산", "gunsan"],
  ["여수", "yeosu"],
  ["광양", "gwangyang"],
  ["청주", "cheongju"],
  ["오창", "ochang"],
  ["천안", "cheonan"],
  ["아산", "asan"],
  ["전주", "jeonju"],
  ["춘천", "chuncheon"],
  ["원주", "wonju"],
  ["대덕", "daedeok"],
  ["거제", "geoje"],
  ["평택", "pyeongtaek"],
  ["판교", "pangyo"],
  ["성남", "seongnam"],
  ["송도", "songdo"],
  ["나주", "naju"],
  ["진주", "jinju"],
  ["경산", "gyeongsan"],
  ["순천", "suncheon"],
  ["김해", "gimhae"],
  ["반월", "banwol"],
  ["시화", "sihwa"],
  ["구로", "guro"],
  ["오송", "osong"],
  ["익산", "iksan"],
  ["목포", "mokpo"],
  ["영암", "yeongam"],
  ["온산", "onsan"],
  ["남동", "namdong"],
];

/** Tokens joined by single spaces: the form in which synonyms are compared with queries. */
export function normalizeSynonymTerm(term: string): string {
  return tokenize(normalizeText(term)).join(" ");
}

function buildSynonymMap(): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const group of SYNONYM_GROUPS) {
    const terms = group.map(normalizeSynonymTerm);
    for (const term of terms)
      map.set(
        term,
        terms.filter((other) => other !== term),
      );
  }
  return map;
}

const SYNONYM_MAP = buildSynonymMap();

/** The other terms of the term's group; empty when the term has no synonyms. */
export function synonymsOf(term: string): readonly string[] {
  return SYNONYM_MAP.get(normalizeSynonymTerm(term)) ?? [];
}

/** Every term of every group, normalised. */
export function synonymTerms(): IterableIterator<string> {
  return SYNONYM_MAP.keys();
}

/** The longest number of words in any synonym term, for phrase matching in queries. */
export const LONGEST_SYNONYM_WORDS = Math.max(...[...SYNONYM_MAP.keys()].map((term) => term.split(" ").length));

/**
 * Meilisearch synonyms are one-way per key: each term maps to all the others of its group, which
 * makes every group mutual.
 */
export function meilisearchSynonyms(): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const [term, others] of SYNONYM_MAP) synonyms[term] = [...others];
  return synonyms;
}
