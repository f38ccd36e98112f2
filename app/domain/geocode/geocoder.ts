import { required } from "../../required";
import type { Area, GeocodeMatch, GeocodeResult } from "./areas";

/**
 * An offline geocoder over the administrative areas: it reads the area part of
 * a Korean address (province, sigungu, eupmyeondong) and answers with the
 * centroid of the finest area it could identify. It never guesses a street
 * point: a road name or lot number only tells it where the area part ends.
 * Pure: the areas are passed in once and indexed in memory.
 */
export interface RegionNames {
  code: string;
  nameKo: string;
  nameKoShort: string;
  nameEn: string;
}

export interface Geocoder {
  geocode(query: string): GeocodeResult;
  /** The area with this code, current or not. */
  area(code: string): Area | undefined;
}

export const MAX_QUERY_LENGTH = 200;

type Note = GeocodeMatch["notes"][number];

interface DongName {
  stem: string;
  numbers: number[];
  /** 동, 가 (legal dongs such as 을지로3가), 읍, 면, 리. */
  suffix: string;
}

interface Index {
  byCode: Map<string, Area>;
  regionAliases: Map<string, string>;
  /** Compact sigungu keys → sigungu areas (current and defunct). */
  sigungu: Map<string, Area[]>;
  /** Current dongs per 5-digit sigungu code. */
  dongsOf: Map<string, Area[]>;
  /** Defunct dongs per 5-digit sigungu code: an old register's 청원군 강외면. */
  defunctDongsOf: Map<string, Area[]>;
  /** Stem of a current dong's name (each part of a merged name too) → dongs anywhere. */
  dongsByStem: Map<string, Area[]>;
  /** Gu of each city (4-digit prefix) → their current dongs. */
  cityDongs: Map<string, Area[]>;
  regionArea: Map<string, Area>;
  regionNames: Map<string, RegionNames>;
  /** Old province names (강원도) → their defunct row, for the note. */
  oldRegions: Map<string, Area>;
  /** Aliases of three or more letters, longest first, for names glued to the next word. */
  gluedAliases: string[];
  /** Each current dong's parsed name, worked out once. */
  parsedNames: Map<Area, DongName | null>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
};

const compact = (text: string) => text.replace(/\s+/g, "");

/** 역삼제1동 → 역삼1동; 대명2·8동 → 대명2.8동. */
export function normalizeAreaName(name: string): string {
  return compact(name)
    .replace(/제(\d)/g, "$1")
    .replace(/[·ㆍ,]/g, ".");
}

function parseDongName(name: string): DongName | null {
  const match = /^(.+?)((?:\d+(?:\.\d+)*)?)(가동|동|가|읍|면|리)$/.exec(normalizeAreaName(name));
  if (!match) return null;
  const stem = required(match[1], "the stem of a dong name").replace(/\.$/, "");
  const digits = match[2] ?? "";
  const numbers = digits === "" ? [] : digits.split(".").map(Number);
  const suffix = required(match[3], "the suffix of a dong name");
  return { stem, numbers, suffix: suffix === "가동" ? "가" : suffix };
}

export function buildGeocoder(areas: readonly Area[], regions: readonly RegionNames[]): Geocoder {
  const index: Index = {
    byCode: new Map(areas.map((a) => [a.code, a])),
    regionAliases: new Map(),
    sigungu: new Map(),
    dongsOf: new Map(),
    defunctDongsOf: new Map(),
    dongsByStem: new Map(),
    cityDongs: new Map(),
    regionArea: new Map(),
    regionNames: new Map(regions.map((r) => [r.code, r])),
    oldRegions: new Map(),
    gluedAliases: [],
    parsedNames: new Map(),
  };
  for (const region of regions) {
    const aliases = [region.nameKo, region.nameKoShort, region.nameEn.toLowerCase()];
    // 서울시, 부산시 …, 세종시; 경기 → 경기도. (광주시 alone is Gyeonggi's city, not the metropolitan city.)
    if (/(특별시|광역시|특별자치시)$/.test(region.nameKo) && region.nameKoShort !== "광주")
      aliases.push(`${region.nameKoShort}시`);
    if (/도$/.test(region.nameKo)) aliases.push(`${region.nameKoShort}도`);
    for (const alias of aliases) index.regionAliases.set(compact(alias), region.code);
  }
  for (const area of areas) {
    if (area.level === "region") {
      if (area.current) index.regionArea.set(area.regionCode, area);
      else {
        index.regionAliases.set(compact(area.nameKo), area.regionCode);
        index.oldRegions.set(compact(area.nameKo), area);
      }
      continue;
    }
    if (area.level === "sigungu") {
      for (const key of sigunguKeys(area.nameKo)) push(index.sigungu, key, area);
      continue;
    }
    if (!area.current) {
      push(index.defunctDongsOf, area.sigunguCode, area);
      continue;
    }
    push(index.dongsOf, area.sigunguCode, area);
    push(index.cityDongs, area.sigunguCode.slice(0, 4), area);
    const parsed = parseDongName(area.nameKo);
    index.parsedNames.set(area, parsed);
    if (parsed)
      for (const stem of new Set([parsed.stem, ...parsed.stem.split(".")])) push(index.dongsByStem, stem, area);
  }
  // Old province names (강원도, 전라북도, 제주도) are defunct region rows; add their short forms too.
  index.regionAliases.set("제주도", "50");
  index.gluedAliases = [...index.regionAliases.keys()]
    .filter((alias) => alias.length >= 3)
    .sort((a, b) => b.length - a.length);
  return { geocode: (query) => geocode(index, query), area: (code) => index.byCode.get(code) };
}

/** 성남시 분당구 → 성남시분당구, 분당구, 성남분당구, 분당; 구미시 → 구미시, 구미. */
function sigunguKeys(name: string): string[] {
  const parts = name.split(/\s+/);
  const [first = "", second] = parts;
  const keys = new Set<string>([compact(name)]);
  const bare = (part: string) => (part.length >= 3 && /[시군구]$/.test(part) ? part.slice(0, -1) : null);
  if (parts.length === 2 && second !== undefined) {
    keys.add(second);
    const cityStem = bare(first);
    if (cityStem) keys.add(`${cityStem}${second}`);
    const guStem = bare(second);
    if (guStem) keys.add(guStem);
  } else {
    const stem = bare(first);
    if (stem) keys.add(stem);
  }
  return [...keys];
}

interface Tokens {
  /** Words of the address up to the road name or lot number. */
  head: string[];
  /** Words inside parentheses: the reference item of a road-name address, e.g. (삼평동). */
  reference: string[];
}

const ROAD = /(로|길)$/;
const LOT = /^(산\s?)?\d+(-\d+)?(번지)?$/;
const NUMBERED = /^\d/;

function tokenize(query: string): Tokens {
  const reference: string[] = [];
  const withoutParentheses = query.replace(/[(（]([^)）]*)[)）]/g, (_, inner: string) => {
    reference.push(...inner.split(/[,\s]+/).filter(Boolean));
    return " ";
  });
  const words = withoutParentheses
    .replace(/[,]/g, " ")
    .split(/\s+/)
    .map((w) => w.trim())
    .filter(Boolean);
  const head: string[] = [];
  for (const [i, word] of words.entries()) {
    if (LOT.test(word) || NUMBERED.test(word)) break;
    const next = words[i + 1];
    // A road name: 판교역로, 동대구로, 세종대로 23길, 중앙로 12번길; it ends the area part.
    if (ROAD.test(word) && (next === undefined || NUMBERED.test(next) || /번?길$/.test(next))) break;
    if (/\d+번?길$/.test(word)) break;
    head.push(word);
  }
  return { head, reference };
}

function geocode(index: Index, raw: string): GeocodeResult {
  const query = raw.normalize("NFC").trim();
  if (query === "") return { ok: false, reason: "empty", candidates: [] };
  const { head, reference } = tokenize(query);
  const notes: Note[] = [];
  let position = 0;

  // 1. Province, in any of its forms; also glued to the next word (서울특별시종로구).
  let regionCode: string | null = null;
  const [firstWord] = head;
  if (firstWord !== undefined) {
    const first = compact(firstWord).toLowerCase();
    const direct = index.regionAliases.get(first);
    if (direct) {
      regionCode = direct;
      position = 1;
      noteRenamedRegion(index, firstWord, direct, notes);
    } else {
      const prefix = index.gluedAliases.find((alias) => first.startsWith(alias));
      if (prefix && first.length > prefix.length) {
        regionCode = index.regionAliases.get(prefix)!;
        head.splice(0, 1, prefix, first.slice(prefix.length));
        position = 1;
      }
    }
  }

  // 2. Sigungu: two words joined (성남시 분당구), then one; old names lead to their successors.
  let sigunguCandidates: Area[] = [];
  let sigunguEnd = position;
  for (const width of [2, 1]) {
    if (position + width > head.length) continue;
    const key = compact(head.slice(position, position + width).join(""));
    const found = (index.sigungu.get(key) ?? []).filter(
      (a) => regionCode === null || a.regionCode === regionCode || a.code.startsWith(regionCode),
    );
    if (found.length > 0) {
      sigunguCandidates = found;
      sigunguEnd = position + width;
      break;
    }
  }
  const oldDong = findDefunctDong(index, sigunguCandidates, [...reference, ...head.slice(sigunguEnd)], notes);
  if (oldDong) return { ok: true, match: matchFor(index, oldDong, notes) };
  const resolved = resolveSigungu(index, sigunguCandidates, notes);

  // 3. Eupmyeondong: the reference item first, then the words after the sigungu.
  const dongWords = [...reference, ...head.slice(resolved.length > 0 ? sigunguEnd : position)];
  const scope = resolved.length > 0 ? resolved : null;
  const dong = findDong(index, dongWords, scope, regionCode, notes);
  if (dong.kind === "ambiguous" && resolved.length === 0) {
    // 역삼동 alone: two administrative dongs, one sigungu.
    const sigungu = new Set(dong.areas.map((a) => a.sigunguCode));
    if (sigungu.size === 1)
      return { ok: true, match: matchFor(index, index.byCode.get(`${[...sigungu][0]}00000`)!, notes) };
    return { ok: false, reason: "ambiguous", candidates: dong.candidates };
  }
  if (dong.kind === "found") return { ok: true, match: matchFor(index, dong.area, notes) };

  if (resolved.length === 1 && resolved[0]) return { ok: true, match: matchFor(index, resolved[0], notes) };
  if (resolved.length > 1) {
    const parent = commonCity(index, resolved);
    if (parent) return { ok: true, match: matchFor(index, parent, notes) };
    const regionsOf = new Set(resolved.map((a) => a.regionCode));
    if (regionsOf.size === 1 && regionCode !== null) {
      notes.push({
        rule: "geocode.sigungu_unclear",
        ko: "시·군·구를 하나로 정할 수 없어 시·도 중심으로 표시합니다.",
        en: "The city, county or district is unclear, so the province's centre is used.",
      });
      return { ok: true, match: matchFor(index, index.regionArea.get(regionCode)!, notes) };
    }
    return { ok: false, reason: "ambiguous", candidates: resolved.map((a) => label(index, a).ko) };
  }
  if (regionCode !== null) return { ok: true, match: matchFor(index, index.regionArea.get(regionCode)!, notes) };
  return { ok: false, reason: "no_match", candidates: [] };
}

function noteRenamedRegion(index: Index, word: string, regionCode: string, notes: Note[]): void {
  const current = index.regionNames.get(regionCode);
  const old = index.oldRegions.get(compact(word));
  if (current && old)
    notes.push({
      rule: "geocode.old_name",
      ko: `${old.nameKo}는 지금의 ${current.nameKo}입니다.`,
      en: `${old.nameKo} is today's ${current.nameEn}.`,
    });
}

/** Current sigungu for the candidates: defunct ones give way to their successors. */
function resolveSigungu(index: Index, candidates: Area[], notes: Note[]): Area[] {
  const result: Area[] = [];
  // An old code under a name that is still in use (춘천시 of 강원도 and of 강원특별자치도) is that name's past.
  const currentNames = new Set(candidates.filter((c) => c.current).map((c) => compact(c.nameKo)));
  for (const candidate of candidates) {
    if (!candidate.current && currentNames.has(compact(candidate.nameKo))) continue;
    if (candidate.current) {
      if (!result.includes(candidate)) result.push(candidate);
      continue;
    }
    const successors = candidate.successors.flatMap((code) => index.byCode.get(code) ?? []).filter((a) => a.current);
    const [firstSuccessor] = successors;
    if (firstSuccessor === undefined) continue;
    const names = successors.map((s) => s.nameKo).join(", ");
    const movedRegion = successors.every((s) => s.regionCode !== candidate.code.slice(0, 2));
    const regionNow = index.regionNames.get(firstSuccessor.regionCode);
    notes.push(
      movedRegion && regionNow
        ? {
            rule: "geocode.moved",
            ko: `${candidate.nameKo}은(는) 지금 ${regionNow.nameKo} ${names}입니다.`,
            en: `${candidate.nameKo} now belongs to ${regionNow.nameEn} (${names}).`,
          }
        : {
            rule: "geocode.old_name",
            ko: `${candidate.nameKo}은(는) 지금의 ${names}입니다.`,
            en: `${candidate.nameKo} is today's ${names}.`,
          },
    );
    for (const s of successors) if (!result.includes(s)) result.push(s);
  }
  return result;
}

/**
 * A dong of a defunct sigungu (청원군 강외면): its successor, when the code
 * history names one place for it, else the one sigungu its successors share.
 * The successors of the old county alone may span provinces (청원군: 청주 and 세종).
 */
function findDefunctDong(index: Index, candidates: Area[], words: string[], notes: Note[]): Area | null {
  const currentNames = new Set(candidates.filter((c) => c.current).map((c) => compact(c.nameKo)));
  for (const candidate of candidates) {
    if (candidate.current || currentNames.has(compact(candidate.nameKo))) continue;
    const dongs = index.defunctDongsOf.get(candidate.sigunguCode) ?? [];
    for (const word of words) {
      const dong = dongs.find((d) => normalizeAreaName(d.nameKo) === normalizeAreaName(word));
      if (!dong) continue;
      const successors = dong.successors.flatMap((code) => index.byCode.get(code) ?? []).filter((a) => a.current);
      const sigungu = new Set(successors.map((a) => a.sigunguCode));
      const today =
        successors.length === 1
          ? successors[0]
          : sigungu.size === 1
            ? index.byCode.get(`${[...sigungu][0]}00000`)
            : undefined;
      if (!today) return null;
      const now = label(index, today);
      const regionNow = index.regionNames.get(today.regionCode);
      notes.push(
        today.regionCode !== candidate.code.slice(0, 2) && regionNow
          ? {
              rule: "geocode.moved",
              ko: `${candidate.nameKo} ${dong.nameKo}은(는) 지금 ${now.ko}입니다.`,
              en: `${candidate.nameKo} ${dong.nameKo} now belongs to ${regionNow.nameEn} (${now.en}).`,
            }
          : {
              rule: "geocode.old_name",
              ko: `${candidate.nameKo} ${dong.nameKo}은(는) 지금의 ${now.ko}입니다.`,
              en: `${candidate.nameKo} ${dong.nameKo} is today's ${now.en}.`,
            },
      );
      return today;
    }
  }
  return null;
}

/** Several gu of one city: the city itself. */
function commonCity(index: Index, areas: Area[]): Area | null {
  const cities = new Set(areas.map((a) => `${a.sigunguCode.slice(0, 4)}0`));
  if (cities.size !== 1) return null;
  const city = index.byCode.get(`${[...cities][0]}00000`);
  return city && city.current ? city : null;
}

type DongSearch =
  { kind: "found"; area: Area } | { kind: "ambiguous"; candidates: string[]; areas: Area[] } | { kind: "none" };

function findDong(
  index: Index,
  words: string[],
  scope: Area[] | null,
  regionCode: string | null,
  notes: Note[],
): DongSearch {
  let ambiguous: Area[] | null = null;
  for (const word of words) {
    const parsed = parseDongName(word);
    if (!parsed || parsed.suffix === "리") continue;
    const pool = scope
      ? scope.flatMap((s) => index.dongsOf.get(s.sigunguCode) ?? cityDongs(index, s.sigunguCode))
      : nationwide(index, parsed, regionCode);
    const hits = matchDong(index, parsed, pool);
    if (hits.length === 1 && hits[0]) return { kind: "found", area: hits[0] };
    if (hits.length > 1) {
      ambiguous = hits;
      if (scope)
        notes.push({
          rule: "geocode.legal_dong",
          ko: `${word}은(는) 여러 행정동(${hits.map((h) => h.nameKo).join(", ")})에 걸쳐 있어 시·군·구까지만 정했습니다.`,
          en: `${word} spans several administrative dongs (${hits.map((h) => h.nameKo).join(", ")}), so only the district is placed.`,
        });
      break;
    }
  }
  return ambiguous
    ? { kind: "ambiguous", areas: ambiguous, candidates: ambiguous.map((a) => label(index, a).ko) }
    : { kind: "none" };
}

/** The current dongs of a city and every gu of it (a city code ends in 0). */
function cityDongs(index: Index, cityCode: string): Area[] {
  return index.cityDongs.get(cityCode.slice(0, 4)) ?? [];
}

/** Dongs anywhere (or in one province) whose name carries the stem. */
function nationwide(index: Index, parsed: DongName, regionCode: string | null): Area[] {
  return (index.dongsByStem.get(parsed.stem) ?? []).filter(
    (area) => regionCode === null || area.regionCode === regionCode,
  );
}

/**
 * The administrative dongs a written name stands for, best rule first: the same
 * name; a legal dong (역삼동, 을지로3가) and the administrative dongs that carry
 * its stem and number (역삼1동 and 역삼2동; 을지로동; 종로1.2.3.4가동); a 읍 that
 * was a 면; an administrative dong merged from several (효자동 in 청운효자동).
 */
function matchDong(index: Index, wanted: DongName, pool: Area[]): Area[] {
  const parsedPool = pool
    .map((area) => ({ area, name: index.parsedNames.get(area) ?? null }))
    .filter((p): p is { area: Area; name: DongName } => p.name !== null);
  const rules: ((p: { area: Area; name: DongName }) => boolean)[] = [
    (p) =>
      p.name.stem === wanted.stem &&
      sameNumbers(p.name.numbers, wanted.numbers) &&
      sameKind(p.name.suffix, wanted.suffix),
    (p) =>
      p.name.stem === wanted.stem &&
      wanted.numbers.length > 0 &&
      wanted.numbers.every((n) => p.name.numbers.includes(n)) &&
      sameKind(p.name.suffix, wanted.suffix),
    (p) =>
      p.name.stem === wanted.stem &&
      wanted.numbers.length === 0 &&
      (wanted.suffix === "동" || wanted.suffix === "가") &&
      p.name.suffix === "동",
    (p) =>
      p.name.stem === wanted.stem &&
      (wanted.suffix === "읍" || wanted.suffix === "면") &&
      (p.name.suffix === "읍" || p.name.suffix === "면"),
    (p) =>
      wanted.stem.length >= 2 &&
      wanted.numbers.length === 0 &&
      p.name.numbers.length === 0 &&
      p.name.suffix === "동" &&
      wanted.suffix === "동" &&
      p.name.stem !== wanted.stem &&
      (p.name.stem.split(".").includes(wanted.stem) ||
        p.name.stem.endsWith(wanted.stem) ||
        p.name.stem.startsWith(wanted.stem)),
  ];
  for (const rule of rules) {
    const hits = dedupe(parsedPool.filter(rule).map((p) => p.area));
    if (hits.length > 0) return hits;
  }
  return [];
}

const sameNumbers = (a: number[], b: number[]) => a.length === b.length && a.every((n, i) => n === b[i]);
const sameKind = (a: string, b: string) => a === b || (a === "동" && b === "가") || (a === "가" && b === "동");

/** Rows at one place with one normalized name are one area; the highest (latest) code stands for them. */
function dedupe(areas: Area[]): Area[] {
  const byKey = new Map<string, Area>();
  for (const area of areas) {
    const key = `${area.sigunguCode}|${area.lat}|${area.lng}`;
    const kept = byKey.get(key);
    if (!kept || area.code > kept.code) byKey.set(key, area);
  }
  return [...byKey.values()];
}

function matchFor(index: Index, area: Area, notes: Note[]): GeocodeMatch {
  const sigungu = area.level === "region" ? null : index.byCode.get(`${area.sigunguCode}00000`);
  return {
    regionCode: area.regionCode,
    sigungu: sigungu ? { code: sigungu.sigunguCode, nameKo: sigungu.nameKo, nameEn: sigungu.nameEn } : null,
    eupmyeondong: area.level === "eupmyeondong" ? { code: area.code, nameKo: area.nameKo } : null,
    lat: area.lat,
    lng: area.lng,
    precision: area.level,
    label: label(index, area),
    notes,
  };
}

function label(index: Index, area: Area): { ko: string; en: string } {
  const region = index.regionNames.get(area.regionCode);
  const sigungu = area.level === "region" ? undefined : index.byCode.get(`${area.sigunguCode}00000`);
  const ko = [
    region?.nameKo,
    sigungu && sigungu.nameKo !== region?.nameKo ? sigungu.nameKo : undefined,
    area.level === "eupmyeondong" ? area.nameKo : undefined,
  ]
    .filter(Boolean)
    .join(" ");
  const en = [
    area.level === "eupmyeondong" ? area.nameKo : undefined,
    sigungu && sigungu.nameEn !== region?.nameEn ? sigungu.nameEn : undefined,
    region?.nameEn,
  ]
    .filter(Boolean)
    .join(", ");
  return { ko, en };
}
