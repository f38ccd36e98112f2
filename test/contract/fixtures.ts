import type { PavittClass } from "~/domain/types";
import type { SearchDocument } from "~/search/types";

/**
 * Listings for the search contract: the 19 Centers for Creative Economy and Innovation, the
 * regional technoparks, national industrial complexes, Daedeok Innopolis and support programs.
 * Names, anchor groups and places follow shared/data/facilities/verified_facts.csv (coordinates
 * are district inner points, as there).
 */

const REGIONS: Record<string, { ko: string; en: string }> = {
  "11": { ko: "서울특별시", en: "Seoul" },
  "26": { ko: "부산광역시", en: "Busan" },
  "27": { ko: "대구광역시", en: "Daegu" },
  "28": { ko: "인천광역시", en: "Incheon" },
  "29": { ko: "광주광역시", en: "Gwangju" },
  "30": { ko: "대전광역시", en: "Daejeon" },
  "31": { ko: "울산광역시", en: "Ulsan" },
  "36": { ko: "세종특별자치시", en: "Sejong" },
  "41": { ko: "경기도", en: "Gyeonggi" },
  "43": { ko: "충청북도", en: "Chungbuk" },
  "44": { ko: "충청남도", en: "Chungnam" },
  "46": { ko: "전라남도", en: "Jeonnam" },
  "47": { ko: "경상북도", en: "Gyeongbuk" },
  "48": { ko: "경상남도", en: "Gyeongnam" },
  "50": { ko: "제주특별자치도", en: "Jeju" },
  "51": { ko: "강원특별자치도", en: "Gangwon" },
  "52": { ko: "전북특별자치도", en: "Jeonbuk" },
};

const SECTORS: Record<string, { ko: string; en: string; pavitt: PavittClass }> = {
  "10": { ko: "식료품 제조업", en: "Manufacture of food products", pavitt: "supplier_dominated" },
  "13": { ko: "섬유제품 제조업; 의복 제외", en: "Manufacture of textiles, except apparel", pavitt: "supplier_dominated" },
  "14": { ko: "의복, 의복 액세서리 및 모피제품 제조업", en: "Manufacture of wearing apparel", pavitt: "supplier_dominated" },
  "20": { ko: "화학 물질 및 화학제품 제조업; 의약품 제외", en: "Manufacture of chemicals and chemical products", pavitt: "science_based" },
  "21": { ko: "의료용 물질 및 의약품 제조업", en: "Manufacture of pharmaceuticals", pavitt: "science_based" },
  "24": { ko: "1차 금속 제조업", en: "Manufacture of basic metals", pavitt: "scale_intensive" },
  "25": { ko: "금속 가공제품 제조업; 기계 및 가구 제외", en: "Manufacture of fabricated metal products", pavitt: "supplier_dominated" },
  "26": { ko: "전자 부품, 컴퓨터, 영상, 음향 및 통신장비 제조업", en: "Manufacture of electronic components and computers", pavitt: "science_based" },
  "27": { ko: "의료, 정밀, 광학 기기 및 시계 제조업", en: "Manufacture of medical, precision and optical instruments", pavitt: "science_based" },
  "28": { ko: "전기장비 제조업", en: "Manufacture of electrical equipment", pavitt: "specialized_supplier" },
  "29": { ko: "기타 기계 및 장비 제조업", en: "Manufacture of other machinery and equipment", pavitt: "specialized_supplier" },
  "30": { ko: "자동차 및 트레일러 제조업", en: "Manufacture of motor vehicles and trailers", pavitt: "scale_intensive" },
  "31": { ko: "기타 운송장비 제조업", en: "Manufacture of other transport equipment", pavitt: "specialized_supplier" },
  "62": { ko: "컴퓨터 프로그래밍, 시스템 통합 및 관리업", en: "Computer programming and system integration", pavitt: "science_based" },
  "70": { ko: "연구개발업", en: "Research and development", pavitt: "science_based" },
};

const ALL_PAVITT: PavittClass[] = ["supplier_dominated", "specialized_supplier", "science_based", "scale_intensive"];

interface FacilitySpec {
  id: string;
  kind: "innovation_center" | "techno_park" | "industrial_complex" | "research_complex";
  subtype?: string;
  nameKo: string;
  nameEn: string;
  aliases?: string[];
  region: string;
  lat: number;
  lng: number;
  sectors: string[];
  anchor?: { id: string; ko: string; en: string };
  descriptionKo: string;
  descriptionEn: string;
  services?: string[];
}

function sectorFields(sectors: string[]) {
  return {
    sectors,
    sectorLabelsKo: sectors.map((code) => SECTORS[code]!.ko),
    sectorLabelsEn: sectors.map((code) => SECTORS[code]!.en),
  };
}

function facility(spec: FacilitySpec): SearchDocument {
  return {
    id: spec.id,
    type: "facility",
    kind: spec.kind,
    subtype: spec.subtype ?? null,
    nameKo: spec.nameKo,
    nameEn: spec.nameEn,
    aliases: spec.aliases ?? [],
    descriptionKo: spec.descriptionKo,
    descriptionEn: spec.descriptionEn,
    ...sectorFields(spec.sectors),
    anchorGroupId: spec.anchor?.id ?? null,
    anchorGroupKo: spec.anchor?.ko ?? null,
    anchorGroupEn: spec.anchor?.en ?? null,
    regionCode: spec.region,
    regionCodes: [spec.region],
    regionNamesKo: [REGIONS[spec.region]!.ko],
    regionNamesEn: [REGIONS[spec.region]!.en],
    nationwide: false,
    pavittClasses: spec.kind === "industrial_complex" ? [...new Set(spec.sectors.map((code) => SECTORS[code]!.pavitt))] : ALL_PAVITT,
    category: null,
    diffusionLevel: null,
    location: { lat: spec.lat, lng: spec.lng },
    smeOnly: false,
    maxEmployees: null,
    requiredCertifications: [],
    providerFacilityId: null,
    services: spec.services ?? [],
    deliveryModes: [],
    targetCapabilities: [],
    diffusionType: null,
    coordPrecision: "sigungu",
  };
}

const ANCHORS = {
  samsung: { id: "samsung", ko: "삼성", en: "Samsung" },
  hanjin: { id: "hanjin", ko: "한진", en: "Hanjin Group" },
  lotte: { id: "lotte", ko: "롯데", en: "Lotte Group" },
  cj: { id: "cj", ko: "CJ", en: "CJ Group" },
  hyundaiMotor: { id: "hyundai-motor", ko: "현대자동차그룹", en: "Hyundai Motor Group" },
  sk: { id: "sk", ko: "SK", en: "SK Group" },
  hhi: { id: "hhi", ko: "현대중공업", en: "Hyundai Heavy Industries" },
  kt: { id: "kt", ko: "KT", en: "KT" },
  naver: { id: "naver", ko: "네이버", en: "Naver" },
  lg: { id: "lg", ko: "LG", en: "LG Group" },
  hanwha: { id: "hanwha", ko: "한화", en: "Hanwha Group" },
  hyosung: { id: "hyosung", ko: "효성", en: "Hyosung Group" },
  gs: { id: "gs", ko: "GS", en: "GS Group" },
  doosan: { id: "doosan", ko: "두산", en: "Doosan Group" },
  kakao: { id: "kakao", ko: "카카오", en: "Kakao" },
  posco: { id: "posco", ko: "포스코", en: "POSCO" },
  kepco: { id: "kepco", ko: "한국전력", en: "KEPCO" },
};

interface CenterSpec {
  slug: string;
  ko: string;
  en: string;
  region: string;
  lat: number;
  lng: number;
  sectors: string[];
  anchor: { id: string; ko: string; en: string };
  cityKo: string;
  cityEn: string;
  focusKo: string;
  focusEn: string;
  private?: boolean;
}

function center(spec: CenterSpec): SearchDocument {
  return facility({
    id: `ccei-${spec.slug}`,
    kind: "innovation_center",
    subtype: spec.private ? "private_autonomous" : "government_led",
    nameKo: `${spec.ko}창조경제혁신센터`,
    nameEn: `${spec.en} Center for Creative Economy & Innovation`,
    aliases: ["CCEI", `${spec.en} CCEI`, `${spec.ko}혁신센터`],
    region: spec.region,
    lat: spec.lat,
    lng: spec.lng,
    sectors: spec.sectors,
    anchor: spec.anchor,
    descriptionKo: `${spec.cityKo}에 있는 창조경제혁신센터. ${spec.focusKo} 분야 창업과 중소기업 혁신을 지원한다.`,
    descriptionEn: `Center for Creative Economy and Innovation in ${spec.cityEn}, supporting startups and SMEs in ${spec.focusEn}.`,
    services: ["startup_incubation", "networking", "shared_growth"],
  });
}

export const INNOVATION_CENTERS: SearchDocument[] = [
  center({ slug: "seoul", ko: "서울", en: "Seoul", region: "11", lat: 37.6114, lng: 126.9676, sectors: ["62", "10"], anchor: ANCHORS.cj, cityKo: "서울 종로구", cityEn: "Jongno-gu, Seoul", focusKo: "문화 콘텐츠와 식품", focusEn: "cultural content and food" }),
  center({ slug: "busan", ko: "부산", en: "Busan", region: "26", lat: 35.1857, lng: 129.1497, sectors: ["62"], anchor: ANCHORS.lotte, cityKo: "부산 해운대구 센텀", cityEn: "Centum, Haeundae-gu, Busan", focusKo: "유통과 영상, 사물인터넷", focusEn: "retail, film and IoT" }),
  center({ slug: "daegu", ko: "대구", en: "Daegu", region: "27", lat: 35.9287, lng: 128.5775, sectors: ["26", "13"], anchor: ANCHORS.samsung, cityKo: "대구 북구", cityEn: "Buk-gu, Daegu", focusKo: "전자와 섬유 패션, C-Lab 스타트업", focusEn: "electronics, textile and fashion, and C-Lab startups" }),
  center({ slug: "incheon", ko: "인천", en: "Incheon", region: "28", lat: 37.3956, lng: 126.6418, sectors: ["62"], anchor: ANCHORS.hanjin, cityKo: "인천 연수구 송도", cityEn: "Songdo, Incheon", focusKo: "물류와 항공", focusEn: "logistics and aviation" }),
  center({ slug: "gwangju", ko: "광주", en: "Gwangju", region: "29", lat: 35.2044, lng: 126.9131, sectors: ["30"], anchor: ANCHORS.hyundaiMotor, cityKo: "광주 북구", cityEn: "Buk-gu, Gwangju", focusKo: "자동차와 수소 연료전지차", focusEn: "automotive and hydrogen fuel-cell vehicles" }),
  center({ slug: "daejeon", ko: "대전", en: "Daejeon", region: "30", lat: 36.3817, lng: 127.3281, sectors: ["62", "70"], anchor: ANCHORS.sk, cityKo: "대전 유성구 KAIST", cityEn: "KAIST, Yuseong-gu, Daejeon", focusKo: "ICT와 기술사업화", focusEn: "ICT and technology commercialization" }),
  center({ slug: "ulsan", ko: "울산", en: "Ulsan", region: "31", lat: 35.518, lng: 129.3295, sectors: ["31"], anchor: ANCHORS.hhi, cityKo: "울산 남구", cityEn: "Nam-gu, Ulsan", focusKo: "조선 해양플랜트와 3D 프린팅", focusEn: "shipbuilding, offshore plants and 3D printing" }),
  center({ slug: "sejong", ko: "세종", en: "Sejong", region: "36", lat: 36.5195, lng: 127.2641, sectors: ["10"], anchor: ANCHORS.sk, cityKo: "세종시", cityEn: "Sejong", focusKo: "스마트팜과 농업 ICT", focusEn: "smart farming and agricultural ICT" }),
  center({ slug: "gyeonggi", ko: "경기", en: "Gyeonggi", region: "41", lat: 37.3786, lng: 127.1062, sectors: ["62"], anchor: ANCHORS.kt, cityKo: "성남시 분당구 판교", cityEn: "Pangyo, Seongnam", focusKo: "게임과 핀테크", focusEn: "games and fintech" }),
  center({ slug: "gangwon", ko: "강원", en: "Gangwon", region: "51", lat: 37.8941, lng: 127.7328, sectors: ["62"], anchor: ANCHORS.naver, cityKo: "춘천시", cityEn: "Chuncheon", focusKo: "빅데이터와 관광", focusEn: "big data and tourism" }),
  center({ slug: "chungbuk", ko: "충북", en: "Chungbuk", region: "43", lat: 36.7195, lng: 127.4918, sectors: ["21", "20"], anchor: ANCHORS.lg, cityKo: "청주시 오창", cityEn: "Ochang, Cheongju", focusKo: "뷰티와 바이오, 에너지", focusEn: "beauty, bio and energy" }),
  center({ slug: "chungnam", ko: "충남", en: "Chungnam", region: "44", lat: 36.8074, lng: 126.9801, sectors: ["28", "10"], anchor: ANCHORS.hanwha, cityKo: "아산시 천안아산역", cityEn: "Cheonan-Asan station, Asan", focusKo: "태양광 에너지와 농식품", focusEn: "solar energy and agri-food" }),
  center({ slug: "jeonbuk", ko: "전북", en: "Jeonbuk", region: "52", lat: 35.8685, lng: 127.1162, sectors: ["13", "20"], anchor: ANCHORS.hyosung, cityKo: "전주시 덕진구", cityEn: "Deokjin-gu, Jeonju", focusKo: "탄소섬유 소재와 농생명", focusEn: "carbon fibre materials and agri-bio" }),
  center({ slug: "jeonnam", ko: "전남", en: "Jeonnam", region: "46", lat: 34.7933, lng: 127.6856, sectors: ["20", "10"], anchor: ANCHORS.gs, cityKo: "여수시", cityEn: "Yeosu", focusKo: "화학 에너지와 농식품, 관광", focusEn: "chemicals, energy, agri-food and tourism" }),
  center({ slug: "gyeongbuk", ko: "경북", en: "Gyeongbuk", region: "47", lat: 36.2151, lng: 128.3514, sectors: ["26", "29"], anchor: ANCHORS.samsung, cityKo: "구미시 금오테크노밸리", cityEn: "Geumo Techno Valley, Gumi", focusKo: "스마트공장과 제조업 고도화", focusEn: "smart factories and manufacturing upgrades" }),
  center({ slug: "gyeongnam", ko: "경남", en: "Gyeongnam", region: "48", lat: 35.1961, lng: 128.6897, sectors: ["29", "21"], anchor: ANCHORS.doosan, cityKo: "창원시 성산구", cityEn: "Seongsan-gu, Changwon", focusKo: "ICT 기반 기계와 항노화 바이오", focusEn: "ICT-based machinery and anti-aging bio" }),
  center({ slug: "jeju", ko: "제주", en: "Jeju", region: "50", lat: 33.4382, lng: 126.528, sectors: ["62"], anchor: ANCHORS.kakao, cityKo: "제주시", cityEn: "Jeju City", focusKo: "스마트관광과 전기차 에너지", focusEn: "smart tourism and electric-vehicle energy" }),
  center({ slug: "pohang", ko: "포항", en: "Pohang", region: "47", lat: 35.9344, lng: 129.4515, sectors: ["24", "20"], anchor: ANCHORS.posco, cityKo: "포항시 남구 POSTECH", cityEn: "POSTECH, Nam-gu, Pohang", focusKo: "철강 소재와 에너지", focusEn: "steel, materials and energy", private: true }),
  center({ slug: "bitgaram", ko: "빛가람", en: "Bitgaram", region: "46", lat: 35.0157, lng: 126.7, sectors: ["28"], anchor: ANCHORS.kepco, cityKo: "나주 빛가람 혁신도시", cityEn: "Bitgaram Innovation City, Naju", focusKo: "에너지 신산업과 스마트그리드", focusEn: "new energy industries and smart grids", private: true }),
];

interface ParkSpec {
  slug: string;
  ko: string;
  en: string;
  region: string;
  lat: number;
  lng: number;
  sectors: string[];
  cityKo: string;
  cityEn: string;
  focusKo: string;
  focusEn: string;
}

function technopark(spec: ParkSpec): SearchDocument {
  return facility({
    id: `tp-${spec.slug}`,
    kind: "techno_park",
    nameKo: `${spec.ko}테크노파크`,
    nameEn: `${spec.en} Technopark`,
    aliases: ["TP", `${spec.ko}TP`, `${spec.en} TP`],
    region: spec.region,
    lat: spec.lat,
    lng: spec.lng,
    sectors: spec.sectors,
    descriptionKo: `${spec.cityKo}에 있는 지역 테크노파크. ${spec.focusKo} 산업의 기술지원, 장비 활용, 기업 육성을 맡는다.`,
    descriptionEn: `Regional technopark in ${spec.cityEn} providing technical support, shared equipment and business growth services for ${spec.focusEn}.`,
    services: ["testing_equipment", "technical_assistance", "tech_commercialization"],
  });
}

export const TECHNOPARKS: SearchDocument[] = [
  technopark({ slug: "seoul", ko: "서울", en: "Seoul", region: "11", lat: 37.6439, lng: 127.0751, sectors: ["26", "62"], cityKo: "서울 노원구 공릉동", cityEn: "Gongneung-dong, Nowon-gu, Seoul", focusKo: "나노와 IT 융합", focusEn: "nano and IT convergence" }),
  technopark({ slug: "busan", ko: "부산", en: "Busan", region: "26", lat: 35.1533, lng: 128.9174, sectors: ["29", "30", "31"], cityKo: "부산 강서구 지사동", cityEn: "Jisa-dong, Gangseo-gu, Busan", focusKo: "기계부품 소재와 조선 기자재", focusEn: "machinery parts, materials and shipbuilding equipment" }),
  technopark({ slug: "daegu", ko: "대구", en: "Daegu", region: "27", lat: 35.8299, lng: 128.5328, sectors: ["13", "29", "27"], cityKo: "대구 달서구", cityEn: "Dalseo-gu, Daegu", focusKo: "섬유 소재와 기계, 의료기기", focusEn: "textile materials, machinery and medical devices" }),
  technopark({ slug: "incheon", ko: "인천", en: "Incheon", region: "28", lat: 37.3956, lng: 126.6418, sectors: ["26", "21"], cityKo: "인천 연수구 송도", cityEn: "Songdo, Yeonsu-gu, Incheon", focusKo: "바이오와 로봇", focusEn: "bio and robotics" }),
  technopark({ slug: "gwangju", ko: "광주", en: "Gwangju", region: "29", lat: 35.2254, lng: 126.8476, sectors: ["27", "30"], cityKo: "광주 북구 첨단과학산업단지", cityEn: "Cheomdan, Buk-gu, Gwangju", focusKo: "광융합과 자동차 부품", focusEn: "photonics and automotive parts" }),
  technopark({ slug: "daejeon", ko: "대전", en: "Daejeon", region: "30", lat: 36.2786, lng: 127.4066, sectors: ["26", "70"], cityKo: "대전 중구", cityEn: "Jung-gu, Daejeon", focusKo: "바이오와 나노 반도체", focusEn: "bio and nano-semiconductors" }),
  technopark({ slug: "ulsan", ko: "울산", en: "Ulsan", region: "31", lat: 35.5708, lng: 129.3187, sectors: ["20", "30"], cityKo: "울산 중구 다운동", cityEn: "Da-un-dong, Jung-gu, Ulsan", focusKo: "정밀화학과 석유화학 고도화", focusEn: "fine chemicals and petrochemical upgrading" }),
  technopark({ slug: "gyeonggi", ko: "경기", en: "Gyeonggi", region: "41", lat: 37.3057, lng: 126.8634, sectors: ["29", "26"], cityKo: "안산시 상록구", cityEn: "Sangnok-gu, Ansan", focusKo: "뿌리기술과 기계 부품", focusEn: "root technologies and machinery parts" }),
  technopark({ slug: "chungbuk", ko: "충북", en: "Chungbuk", region: "43", lat: 36.7195, lng: 127.4918, sectors: ["21", "26"], cityKo: "청주시 오창", cityEn: "Ochang, Cheongju", focusKo: "바이오와 IT 융합", focusEn: "BT/IT convergence" }),
  technopark({ slug: "chungnam", ko: "충남", en: "Chungnam", region: "44", lat: 36.8987, lng: 127.161, sectors: ["26", "30"], cityKo: "천안시 서북구 직산", cityEn: "Jiksan, Cheonan", focusKo: "디스플레이와 자동차 부품", focusEn: "displays and automotive parts" }),
  technopark({ slug: "jeonbuk", ko: "전북", en: "Jeonbuk", region: "52", lat: 35.8685, lng: 127.1162, sectors: ["13", "28"], cityKo: "전주시 덕진구 팔복동", cityEn: "Palbok-dong, Jeonju", focusKo: "탄소 소재와 신재생에너지", focusEn: "carbon materials and renewable energy" }),
  technopark({ slug: "jeonnam", ko: "전남", en: "Jeonnam", region: "46", lat: 34.9808, lng: 127.3975, sectors: ["20", "24"], cityKo: "순천시 율촌산업단지", cityEn: "Yulchon Industrial Complex, Suncheon", focusKo: "신소재", focusEn: "advanced materials" }),
  technopark({ slug: "gyeongbuk", ko: "경북", en: "Gyeongbuk", region: "47", lat: 35.8286, lng: 128.8129, sectors: ["29", "30"], cityKo: "경산시 삼풍동", cityEn: "Sampung-dong, Gyeongsan", focusKo: "자동차 부품과 기계", focusEn: "automotive parts and machinery" }),
  technopark({ slug: "pohang", ko: "포항", en: "Pohang", region: "47", lat: 35.9344, lng: 129.4515, sectors: ["24", "21"], cityKo: "포항시 남구 지곡동", cityEn: "Jigok-dong, Nam-gu, Pohang", focusKo: "철강 신소재와 바이오", focusEn: "new steel materials and bio" }),
  technopark({ slug: "gyeongnam", ko: "경남", en: "Gyeongnam", region: "48", lat: 35.3091, lng: 128.6423, sectors: ["29", "21"], cityKo: "창원시 의창구 반계동", cityEn: "Bangye-dong, Uichang-gu, Changwon", focusKo: "지식기반 기계와 로봇, 바이오", focusEn: "knowledge-based machinery, robotics and bio" }),
  technopark({ slug: "jeju", ko: "제주", en: "Jeju", region: "50", lat: 33.4489, lng: 126.567, sectors: ["10", "21"], cityKo: "제주시 첨단과학기술단지", cityEn: "Jeju Science Park, Jeju City", focusKo: "청정 바이오와 식품", focusEn: "clean bio and food" }),
];

interface ComplexSpec {
  slug: string;
  ko: string;
  en: string;
  region: string;
  lat: number;
  lng: number;
  sectors: string[];
  cityKo: string;
  cityEn: string;
  focusKo: string;
  focusEn: string;
}

function nationalComplex(spec: ComplexSpec): SearchDocument {
  return facility({
    id: `nic-${spec.slug}`,
    kind: "industrial_complex",
    subtype: "national",
    nameKo: `${spec.ko}국가산업단지`,
    nameEn: `${spec.en} National Industrial Complex`,
    aliases: [`${spec.ko}국가산단`, `${spec.ko}산단`],
    region: spec.region,
    lat: spec.lat,
    lng: spec.lng,
    sectors: spec.sectors,
    descriptionKo: `${spec.cityKo}의 국가산업단지. 주력 업종은 ${spec.focusKo}이다.`,
    descriptionEn: `National industrial complex in ${spec.cityEn}; main industries: ${spec.focusEn}.`,
  });
}

export const NATIONAL_COMPLEXES: SearchDocument[] = [
  nationalComplex({ slug: "changwon", ko: "창원", en: "Changwon", region: "48", lat: 35.1961, lng: 128.6897, sectors: ["29", "30"], cityKo: "창원시 성산구", cityEn: "Seongsan-gu, Changwon", focusKo: "기계 (입주기업의 약 65%)", focusEn: "machinery (about 65% of firms)" }),
  nationalComplex({ slug: "ulsan-mipo", ko: "울산·미포", en: "Ulsan-Mipo", region: "31", lat: 35.518, lng: 129.3295, sectors: ["20", "30", "31"], cityKo: "울산 남구·동구·북구", cityEn: "Nam, Dong and Buk-gu, Ulsan", focusKo: "석유정제와 화학, 자동차, 조선", focusEn: "petroleum refining, chemicals, automobiles and shipbuilding" }),
  nationalComplex({ slug: "onsan", ko: "온산", en: "Onsan", region: "31", lat: 35.5657, lng: 129.1556, sectors: ["24", "20"], cityKo: "울산 울주군 온산읍", cityEn: "Onsan-eup, Ulju-gun, Ulsan", focusKo: "비철금속 제련과 석유 비축", focusEn: "non-ferrous metal smelting and oil stockpiling" }),
  nationalComplex({ slug: "gumi", ko: "구미", en: "Gumi", region: "47", lat: 36.2151, lng: 128.3514, sectors: ["26"], cityKo: "구미시", cityEn: "Gumi", focusKo: "전자와 IT 융합", focusEn: "electronics and IT convergence" }),
  nationalComplex({ slug: "pohang", ko: "포항", en: "Pohang", region: "47", lat: 35.9344, lng: 129.4515, sectors: ["24"], cityKo: "포항시 남구", cityEn: "Nam-gu, Pohang", focusKo: "철강과 소재", focusEn: "steel and materials" }),
  nationalComplex({ slug: "yeosu", ko: "여수", en: "Yeosu", region: "46", lat: 34.7933, lng: 127.6856, sectors: ["20"], cityKo: "여수시", cityEn: "Yeosu", focusKo: "석유화학", focusEn: "petrochemicals" }),
  nationalComplex({ slug: "gwangyang", ko: "광양", en: "Gwangyang", region: "46", lat: 35.0269, lng: 127.6509, sectors: ["24"], cityKo: "광양시", cityEn: "Gwangyang", focusKo: "철강", focusEn: "steel" }),
  nationalComplex({ slug: "banwol", ko: "반월", en: "Banwol", region: "41", lat: 37.2516, lng: 126.5923, sectors: ["29", "25", "26"], cityKo: "안산시 단원구", cityEn: "Danwon-gu, Ansan", focusKo: "기계와 금속 가공, 전자 부품", focusEn: "machinery, metal processing and electronic parts" }),
  nationalComplex({ slug: "sihwa", ko: "시화", en: "Sihwa", region: "41", lat: 37.392, lng: 126.7884, sectors: ["29", "26"], cityKo: "시흥시", cityEn: "Siheung", focusKo: "기계와 전자 부품", focusEn: "machinery and electronic parts" }),
  nationalComplex({ slug: "gunsan", ko: "군산", en: "Gunsan", region: "52", lat: 35.9552, lng: 126.7907, sectors: ["30", "29", "31"], cityKo: "군산시", cityEn: "Gunsan", focusKo: "자동차와 기계, 조선", focusEn: "automobiles, machinery and shipbuilding" }),
  nationalComplex({ slug: "namdong", ko: "남동", en: "Namdong", region: "28", lat: 37.4332, lng: 126.7311, sectors: ["29", "26"], cityKo: "인천 남동구", cityEn: "Namdong-gu, Incheon", focusKo: "기계와 전기전자 부품 소재", focusEn: "machinery and electrical and electronic parts" }),
  nationalComplex({ slug: "gwangju-cheomdan", ko: "광주첨단과학", en: "Gwangju Advanced Science", region: "29", lat: 35.2044, lng: 126.9131, sectors: ["27"], cityKo: "광주 북구·광산구", cityEn: "Buk-gu and Gwangsan-gu, Gwangju", focusKo: "광학과 첨단기술", focusEn: "optics, photonics and advanced technology" }),
];

export const DAEDEOK = facility({
  id: "rc-daedeok",
  kind: "research_complex",
  subtype: "special_rnd_zone",
  nameKo: "대덕연구개발특구",
  nameEn: "Daedeok Innopolis",
  aliases: ["대덕특구", "대덕연구단지", "Daedeok Science Town"],
  region: "30",
  lat: 36.3744,
  lng: 127.3613,
  sectors: ["70", "26", "21"],
  descriptionKo: "대전 유성구의 연구개발 단지. 연구기관 247곳과 연구인력 1만 8천 명이 모여 있다.",
  descriptionEn: "Research and development complex in Yuseong-gu, Daejeon, with 247 research institutions and 18,000 researchers.",
  services: ["rnd_collaboration", "tech_commercialization"],
});

export const FACILITIES: SearchDocument[] = [...INNOVATION_CENTERS, ...TECHNOPARKS, ...NATIONAL_COMPLEXES, DAEDEOK];

const FACILITY_BY_ID = new Map(FACILITIES.map((document) => [document.id, document]));

interface ProgramSpec {
  id: string;
  nameKo: string;
  nameEn: string;
  category: "finance" | "technology" | "manpower" | "export" | "domestic_market" | "startup" | "management" | "other";
  /** A provider facility: the program serves its region and takes its place. */
  provider?: string;
  sectors?: string[];
  pavitt?: PavittClass[];
  descriptionKo: string;
  descriptionEn: string;
  aliases?: string[];
}

function program(spec: ProgramSpec): SearchDocument {
  const provider = spec.provider ? FACILITY_BY_ID.get(spec.provider) : undefined;
  if (spec.provider && !provider) throw new Error(`Unknown provider ${spec.provider}`);
  const region = provider?.regionCode ?? null;
  return {
    id: spec.id,
    type: "program",
    kind: "program",
    subtype: null,
    nameKo: spec.nameKo,
    nameEn: spec.nameEn,
    aliases: spec.aliases ?? [],
    descriptionKo: spec.descriptionKo,
    descriptionEn: spec.descriptionEn,
    ...sectorFields(spec.sectors ?? []),
    anchorGroupId: null,
    anchorGroupKo: null,
    anchorGroupEn: null,
    regionCode: region,
    regionCodes: region ? [region] : [],
    regionNamesKo: region ? [REGIONS[region]!.ko] : [],
    regionNamesEn: region ? [REGIONS[region]!.en] : [],
    nationwide: region === null,
    pavittClasses: spec.pavitt ?? ALL_PAVITT,
    category: spec.category,
    diffusionLevel: 2,
    location: provider?.location ?? null,
    smeOnly: true,
    maxEmployees: 300,
    requiredCertifications: [],
    providerFacilityId: provider?.id ?? null,
    services: [],
    deliveryModes: ["individual"],
    targetCapabilities: [],
    diffusionType: null,
    coordPrecision: provider?.coordPrecision ?? null,
  };
}

export const PROGRAMS: SearchDocument[] = [
  program({ id: "p-sme-tech-innovation", nameKo: "중소기업 기술혁신개발사업", nameEn: "SME Technology Innovation Program", category: "technology", pavitt: ["specialized_supplier", "science_based"], descriptionKo: "중소기업의 신제품과 공정 기술개발 비용을 지원한다.", descriptionEn: "Funds new product and process development at SMEs." }),
  program({ id: "p-consortium", nameKo: "산학연 협력 기술개발사업", nameEn: "Industry-University-Research Consortium", category: "technology", descriptionKo: "대학과 연구기관, 중소기업의 공동 연구개발을 지원한다. 중앙정부 50%, 지자체 25% 부담.", descriptionEn: "Joint R&D of universities, research institutes and SMEs; central government 50%, local government 25% of costs." }),
  program({ id: "p-purchase-assurance", nameKo: "신기술제품 구매보증", nameEn: "New Technology Purchasing Assurance", category: "domestic_market", descriptionKo: "공공기관의 신기술 제품 구매를 보증해 판로를 연다.", descriptionEn: "Guarantees public purchases of new-technology products to open markets." }),
  program({ id: "p-kosbir", nameKo: "중소기업 기술개발 제품 우선구매 (KOSBIR)", nameEn: "Korea Small Business Innovation Research (KOSBIR)", category: "domestic_market", aliases: ["KOSBIR"], descriptionKo: "공공기관 연구개발 예산의 일정 비율을 중소기업에 배정한다.", descriptionEn: "Reserves a share of public R&D budgets for small businesses." }),
  program({ id: "p-export-voucher", nameKo: "중소기업 수출바우처", nameEn: "SME Export Voucher", category: "export", descriptionKo: "해외 마케팅과 통번역, 인증 비용을 바우처로 지원한다.", descriptionEn: "Vouchers for overseas marketing, translation and certification." }),
  program({ id: "p-kotec", nameKo: "기술보증기금 기술보증", nameEn: "KOTEC Technology Credit Guarantee", category: "finance", aliases: ["KOTEC", "기보"], descriptionKo: "기술력을 평가해 중소기업 대출에 보증을 제공한다.", descriptionEn: "Guarantees SME loans based on technology appraisal." }),
  program({ id: "p-kodit", nameKo: "신용보증기금 보증", nameEn: "KODIT Credit Guarantee", category: "finance", aliases: ["KODIT", "신보"], descriptionKo: "담보가 부족한 중소기업의 금융 이용을 돕는 신용보증.", descriptionEn: "Credit guarantees for SMEs lacking collateral." }),
  program({ id: "p-fund-of-funds", nameKo: "모태펀드 벤처투자 연계", nameEn: "Fund of Funds Venture Investment", category: "finance", pavitt: ["science_based"], descriptionKo: "모태펀드 출자 벤처캐피탈과 창업기업을 연결한다.", descriptionEn: "Links startups with venture capital funds backed by the Fund of Funds." }),
  program({ id: "p-innobiz", nameKo: "이노비즈 인증 컨설팅", nameEn: "Inno-Biz Certification Consulting", category: "management", aliases: ["Inno-Biz", "이노비즈"], descriptionKo: "기술혁신형 중소기업 인증 준비를 돕는 컨설팅.", descriptionEn: "Consulting to prepare for the Inno-Biz innovative SME certification." }),
  program({ id: "p-hrd", nameKo: "중소기업 현장인력 양성 교육", nameEn: "SME Workforce Training", category: "manpower", pavitt: ["supplier_dominated", "scale_intensive"], descriptionKo: "산업기능인력과 현장 기술인력 교육 과정을 운영한다.", descriptionEn: "Training courses for industrial technicians and shop-floor staff." }),
  program({ id: "p-smart-factory", nameKo: "스마트공장 구축 지원사업", nameEn: "Smart Factory Deployment Support", category: "technology", sectors: ["29", "30", "26"], descriptionKo: "제조 중소기업의 스마트공장 도입 비용을 지원한다.", descriptionEn: "Co-funds smart factory adoption at manufacturing SMEs." }),
  program({ id: "p-tech-transfer", nameKo: "공공기술이전 사업화 지원", nameEn: "Public Technology Transfer and Commercialization", category: "technology", descriptionKo: "공공연구기관 기술의 이전과 사업화를 지원한다.", descriptionEn: "Supports the transfer and commercialization of public research technology." }),
  program({ id: "p-daegu-textile", nameKo: "대구 섬유패션 고도화 지원", nameEn: "Daegu Textile and Fashion Upgrading", category: "technology", provider: "tp-daegu", sectors: ["13", "14"], pavitt: ["supplier_dominated"], descriptionKo: "대구 지역 섬유 기업의 소재 개발과 디자인을 지원한다.", descriptionEn: "Helps Daegu textile firms with new materials and design." }),
  program({ id: "p-daegu-clab", nameKo: "대구 C-Lab 스타트업 육성", nameEn: "Daegu C-Lab Startup Acceleration", category: "startup", provider: "ccei-daegu", sectors: ["26", "62"], descriptionKo: "대구창조경제혁신센터가 운영하는 스타트업 보육 프로그램.", descriptionEn: "Startup acceleration run by the Daegu Center for Creative Economy and Innovation." }),
  program({ id: "p-daegu-medical", nameKo: "대구 의료기기 시험인증 지원", nameEn: "Daegu Medical Device Testing and Certification", category: "technology", provider: "tp-daegu", sectors: ["27"], pavitt: ["science_based"], descriptionKo: "의료기기 기업의 시험과 인증 비용을 지원한다.", descriptionEn: "Supports testing and certification costs of medical device makers." }),
  program({ id: "p-gyeongnam-machinery", nameKo: "경남 스마트 기계부품 고도화 지원", nameEn: "Gyeongnam Smart Machinery Parts Upgrading", category: "technology", provider: "tp-gyeongnam", sectors: ["29"], pavitt: ["specialized_supplier"], descriptionKo: "창원 기계산업 중소기업의 부품 고도화와 시제품 제작을 지원한다.", descriptionEn: "Helps machinery SMEs in Changwon upgrade parts and build prototypes." }),
  program({ id: "p-changwon-export", nameKo: "창원 기계산업 수출 마케팅 지원", nameEn: "Changwon Machinery Export Marketing", category: "export", provider: "nic-changwon", sectors: ["29"], pavitt: ["specialized_supplier", "scale_intensive"], descriptionKo: "창원국가산업단지 기계 기업의 해외 전시회 참가를 지원한다.", descriptionEn: "Supports overseas trade shows for machinery firms of the Changwon complex." }),
  program({ id: "p-gyeongnam-robot", nameKo: "경남 로봇산업 기술지원", nameEn: "Gyeongnam Robot Industry Technical Support", category: "technology", provider: "tp-gyeongnam", sectors: ["29", "28"], descriptionKo: "로봇 부품 기업의 성능 시험과 기술 자문을 제공한다.", descriptionEn: "Performance testing and technical advice for robot parts makers." }),
  program({ id: "p-gumi-electronics", nameKo: "구미 전자부품 신뢰성 평가 지원", nameEn: "Gumi Electronic Components Reliability Testing", category: "technology", provider: "nic-gumi", sectors: ["26"], pavitt: ["science_based"], descriptionKo: "구미 전자부품 기업의 신뢰성 시험을 지원한다.", descriptionEn: "Reliability testing for electronic component makers in Gumi." }),
  program({ id: "p-gyeongbuk-smart-factory", nameKo: "경북 스마트팩토리 확산 지원", nameEn: "Gyeongbuk Smart Factory Diffusion", category: "technology", provider: "ccei-gyeongbuk", sectors: ["26", "29"], descriptionKo: "삼성과 함께 경북 제조기업의 스마트공장 전환을 돕는다.", descriptionEn: "With Samsung, helps Gyeongbuk manufacturers move to smart factories." }),
  program({ id: "p-pohang-steel", nameKo: "포항 철강소재 기술혁신 지원", nameEn: "Pohang Steel Materials Innovation", category: "technology", provider: "tp-pohang", sectors: ["24"], pavitt: ["scale_intensive"], descriptionKo: "철강 소재 중소기업의 공정 혁신을 지원한다.", descriptionEn: "Process innovation for steel materials SMEs." }),
  program({ id: "p-ulsan-chemical", nameKo: "울산 정밀화학 기술지원", nameEn: "Ulsan Fine Chemicals Technical Support", category: "technology", provider: "tp-ulsan", sectors: ["20"], pavitt: ["science_based"], descriptionKo: "석유화학 기반 정밀화학 기업의 분석과 시험을 지원한다.", descriptionEn: "Analysis and testing for fine chemical firms built on petrochemicals." }),
  program({ id: "p-gwangju-photonics", nameKo: "광주 광융합산업 육성 지원", nameEn: "Gwangju Photonics Industry Support", category: "technology", provider: "tp-gwangju", sectors: ["27"], pavitt: ["science_based"], descriptionKo: "광학 부품과 광융합 제품 개발을 지원한다.", descriptionEn: "Development of optical components and photonics products." }),
  program({ id: "p-daedeok-commercialization", nameKo: "대덕특구 연구성과 사업화", nameEn: "Daedeok Innopolis Research Commercialization", category: "technology", provider: "rc-daedeok", sectors: ["70"], pavitt: ["science_based"], descriptionKo: "연구기관의 기술을 창업과 사업화로 잇는다.", descriptionEn: "Turns research institute technology into startups and products." }),
  program({ id: "p-chungbuk-bio", nameKo: "충북 바이오헬스 기업 지원", nameEn: "Chungbuk Bio-Health Business Support", category: "technology", provider: "tp-chungbuk", sectors: ["21"], pavitt: ["science_based"], descriptionKo: "오송과 오창의 바이오 의약 기업을 지원한다.", descriptionEn: "Support for bio and pharmaceutical firms in Osong and Ochang." }),
  program({ id: "p-jeonbuk-carbon", nameKo: "전북 탄소섬유 소재 상용화 지원", nameEn: "Jeonbuk Carbon Fiber Commercialization", category: "technology", provider: "ccei-jeonbuk", sectors: ["13", "20"], descriptionKo: "효성과 함께 탄소섬유 응용 제품 개발을 지원한다.", descriptionEn: "With Hyosung, supports products made of carbon fibre." }),
  program({ id: "p-busan-shipbuilding", nameKo: "부산 조선해양 기자재 지원", nameEn: "Busan Shipbuilding and Marine Equipment Support", category: "technology", provider: "tp-busan", sectors: ["31"], pavitt: ["specialized_supplier"], descriptionKo: "조선 기자재 중소기업의 시험과 인증을 지원한다.", descriptionEn: "Testing and certification for shipbuilding equipment SMEs." }),
  program({ id: "p-incheon-logistics", nameKo: "인천 스마트물류 스타트업 육성", nameEn: "Incheon Smart Logistics Startups", category: "startup", provider: "ccei-incheon", sectors: ["62"], descriptionKo: "한진과 함께 물류 스타트업을 육성한다.", descriptionEn: "With Hanjin, grows logistics startups." }),
  program({ id: "p-jeju-tourism", nameKo: "제주 스마트관광 창업 지원", nameEn: "Jeju Smart Tourism Startups", category: "startup", provider: "ccei-jeju", sectors: ["62"], descriptionKo: "관광 서비스 창업기업을 지원한다.", descriptionEn: "Supports tourism service startups." }),
  program({ id: "p-gangwon-bigdata", nameKo: "강원 빅데이터 창업 지원", nameEn: "Gangwon Big Data Startups", category: "startup", provider: "ccei-gangwon", sectors: ["62"], descriptionKo: "네이버와 함께 데이터 기반 창업을 지원한다.", descriptionEn: "With Naver, supports data-driven startups." }),
  program({ id: "p-jeonnam-energy", nameKo: "전남 에너지신산업 기업 육성", nameEn: "Jeonnam New Energy Industry Growth", category: "technology", provider: "ccei-bitgaram", sectors: ["28"], descriptionKo: "한국전력과 함께 전력 IoT와 스마트그리드 기업을 육성한다.", descriptionEn: "With KEPCO, grows power IoT and smart grid firms." }),
  program({ id: "p-seoul-content", nameKo: "서울 콘텐츠 스타트업 액셀러레이팅", nameEn: "Seoul Content Startup Acceleration", category: "startup", provider: "ccei-seoul", sectors: ["62"], descriptionKo: "CJ와 함께 문화 콘텐츠 창업기업을 육성한다.", descriptionEn: "With CJ, accelerates cultural content startups." }),
  program({ id: "p-gyeonggi-game", nameKo: "경기 판교 게임 창업 지원", nameEn: "Gyeonggi Pangyo Game Startups", category: "startup", provider: "ccei-gyeonggi", sectors: ["62"], descriptionKo: "판교의 게임과 핀테크 창업을 지원한다.", descriptionEn: "Supports game and fintech startups in Pangyo." }),
  program({ id: "p-chungnam-solar", nameKo: "충남 태양광 에너지 기업 지원", nameEn: "Chungnam Solar Energy Business Support", category: "technology", provider: "ccei-chungnam", sectors: ["28"], descriptionKo: "한화와 함께 태양광 중소기업을 지원한다.", descriptionEn: "With Hanwha, supports solar energy SMEs." }),
];

export const ALL_DOCUMENTS: SearchDocument[] = [...FACILITIES, ...PROGRAMS];
