import { getChoseong, josa } from "es-hangul";
import { FACILITY_KINDS, PAVITT_CLASSES } from "../../app/domain/types";
import { CITIES, type City, type Vocabulary } from "./catalogue";
import { pick, type Random } from "./stats";

/** One benchmark query: the `/api/search` parameters, labelled with what it exercises. */
export interface BenchQuery {
  category: string;
  params: URLSearchParams;
}

const KIND_WORDS_KO = [
  "테크노파크",
  "창조경제혁신센터",
  "산업단지",
  "국가산단",
  "창업보육센터",
  "산학협력단",
  "연구개발특구",
  "혁신센터",
];
/** Kind words that follow the industry without a space in facility names (창원기계국가산업단지). */
const NAME_ENDINGS_KO = [
  "테크노파크",
  "창조경제혁신센터",
  "국가산업단지",
  "산업단지",
  "창업보육센터",
  "창업지원센터",
  "연구개발특구",
  "연구단지",
];
/** Parts of compound names: a query for one must find names that contain it mid-word. */
const MID_WORDS_KO = [
  "창조경제",
  "혁신센터",
  "보육센터",
  "산업단지",
  "협력단",
  "개발특구",
  "테크노",
  "바우처",
  "스마트공장",
];
const KIND_WORDS_EN = [
  "technopark",
  "innovation center",
  "industrial complex",
  "business incubator",
  "innopolis",
  "technology licensing",
  "startup package",
  "export voucher",
  "CCEI",
  "TP",
];
const TYPO_WORDS = [
  "Changwon",
  "technopark",
  "Daejeon",
  "Gyeongnam",
  "incubator",
  "Semiconductor",
  "Machinery",
  "Pohang",
  "Cheongju",
  "Shipbuilding",
  "Automotive",
  "industrial",
  "Innopolis",
  "Incheon",
  "Gwangyang",
  "Cosmetics",
  "Logistics",
  "Hydrogen",
];

function regionShortNames(vocabulary: Vocabulary): string[] {
  return [...vocabulary.regions.values()].map((region) => region.nameKoShort);
}

function regionEnglishNames(vocabulary: Vocabulary): string[] {
  return [...vocabulary.regions.values()].map((region) => region.nameEn);
}

/** One edit a hurried typist makes: a dropped letter (Changwn) or two swapped letters (Pohnag). */
function typo(random: Random, word: string): string {
  const at = 2 + Math.floor(random() * (word.length - 3));
  if (random() < 0.6) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

function nearParam(random: Random, city: City): string {
  const lat = city.lat + (random() - 0.5) * 0.1;
  const lng = city.lng + (random() - 0.5) * 0.1;
  return `${lat.toFixed(4)},${lng.toFixed(4)}`;
}

function params(entries: Record<string, string>): URLSearchParams {
  return new URLSearchParams(entries);
}

type Generator = (random: Random, vocabulary: Vocabulary) => URLSearchParams;

/** What people type, by kind, and how many of each go into the mix. */
const GENERATORS: ReadonlyArray<readonly [string, number, Generator]> = [
  [
    "ko word",
    25,
    (random, v) =>
      params({
        q: pick(random, [
          ...regionShortNames(v),
          ...CITIES.map((c) => c.ko),
          ...v.industries.map((i) => i.ko),
          ...KIND_WORDS_KO,
        ]),
      }),
  ],
  [
    "ko compound",
    25,
    (random, v) => {
      const city = pick(random, CITIES);
      const industry = pick(random, v.industries).ko;
      return params({
        q: pick(random, [
          `${city.ko} ${industry}`,
          `${industry} ${city.ko}`,
          pick(random, MID_WORDS_KO),
          `${industry}${pick(random, NAME_ENDINGS_KO)}`,
        ]),
      });
    },
  ],
  [
    "ko particle",
    15,
    (random, v) => {
      const word = pick(random, [...regionShortNames(v), ...CITIES.map((c) => c.ko), ...v.industries.map((i) => i.ko)]);
      return params({
        q: pick(random, [`${word}에서`, `${word}의`, josa(word, "은/는"), josa(word, "을/를"), `${word}에`]),
      });
    },
  ],
  [
    "ko initials",
    15,
    (random, v) =>
      params({
        q: getChoseong(
          pick(random, [...regionShortNames(v), ...CITIES.map((c) => c.ko), ...v.industries.map((i) => i.ko)]),
        ),
      }),
  ],
  [
    "en",
    25,
    (random, v) => {
      const place = pick(random, [...regionEnglishNames(v), ...CITIES.map((c) => c.en)]);
      const industry = pick(random, v.industries).en.toLowerCase();
      return params({
        q: pick(random, [
          `${place} ${industry}`,
          `${industry} ${pick(random, KIND_WORDS_EN)}`,
          pick(random, KIND_WORDS_EN),
          place,
        ]),
      });
    },
  ],
  ["en typo", 20, (random) => params({ q: typo(random, pick(random, TYPO_WORDS)) })],
  [
    "filters",
    25,
    (random, v) => {
      const entries: Record<string, string> = {};
      if (random() < 0.6)
        entries.q = pick(random, [
          ...v.industries.map((i) => i.ko),
          ...v.industries.map((i) => i.en.toLowerCase()),
          ...KIND_WORDS_KO,
        ]);
      if (random() < 0.4) entries.type = pick(random, ["facility", "program"]);
      if (random() < 0.4) entries.kind = pick(random, FACILITY_KINDS);
      if (random() < 0.5) entries.region = pick(random, [...v.regions.keys()]);
      if (random() < 0.4) entries.sector = pick(random, v.industries).division;
      if (random() < 0.4 || Object.keys(entries).length === 0) entries.pavittClass = pick(random, PAVITT_CLASSES);
      return params(entries);
    },
  ],
  [
    "text + near",
    20,
    (random, v) => {
      const city = pick(random, CITIES);
      return params({
        q: pick(random, [
          pick(random, v.industries).ko,
          pick(random, v.industries).en.toLowerCase(),
          pick(random, KIND_WORDS_KO),
        ]),
        near: nearParam(random, city),
        radiusKm: String(pick(random, [5, 10, 20, 50])),
      });
    },
  ],
  [
    "near only",
    15,
    (random) => {
      const entries: Record<string, string> = { near: nearParam(random, pick(random, CITIES)) };
      if (random() < 0.7) entries.radiusKm = String(pick(random, [3, 10, 30, 100]));
      if (random() < 0.3) entries.type = "facility";
      return params(entries);
    },
  ],
  [
    "place phrase",
    15,
    (random, v) => {
      const city = pick(random, CITIES);
      const industry = pick(random, v.industries);
      return params({
        q: pick(random, [
          `technopark near ${city.en}`,
          `${industry.en.toLowerCase()} near ${city.en}`,
          `${city.ko} 근처 ${industry.ko}`,
          `${industry.ko} ${city.ko} 인근`,
        ]),
      });
    },
  ],
];

/** The mix, deterministic from the random generator: 200 queries in total. */
export function buildQueries(random: Random, vocabulary: Vocabulary): BenchQuery[] {
  return GENERATORS.flatMap(([category, count, generate]) =>
    Array.from({ length: count }, () => ({ category, params: generate(random, vocabulary) })),
  );
}

export const QUERY_CATEGORIES = GENERATORS.map(([category]) => category);
