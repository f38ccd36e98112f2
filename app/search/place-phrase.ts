import type { LatLng } from "~/domain/types";
import { required } from "~/required";

/**
 * "technopark near Changwon", "창원 근처 테크노파크": the place people name
 * when they mean "around there", split from what they are looking for.
 */
export function splitPlacePhrase(q: string): { text: string; place: string } | null {
  const english = /^(.*?)\b(?:near|around|close to|in)\s+([\p{L}][\p{L}\p{N}.\- ]*)$/iu.exec(q.trim());
  if (english) {
    const place = required(english[2], "the place of an English phrase").trim();
    if (place !== "") return { text: required(english[1], "the text of an English phrase").trim(), place };
  }
  const korean = /(^|\s)([\p{Script=Hangul}A-Za-z]+?)\s*(?:근처|인근|부근|주변)(?:의|에서|에)?(?=\s|$)/u.exec(q);
  if (korean)
    return {
      text: `${q.slice(0, korean.index)} ${q.slice(korean.index + korean[0].length)}`.replace(/\s+/g, " ").trim(),
      place: required(korean[2], "the place of a Korean phrase"),
    };
  return null;
}

export interface NamedPlace {
  nameKo: string;
  nameEn: string;
  point: LatLng;
}

/** A region whose Korean (full or short) or English name is the place, ignoring case and a trailing 시/도. */
export function findNamedPlace(
  place: string,
  places: readonly (NamedPlace & { aliases?: string[] })[],
): NamedPlace | null {
  const wanted = normalise(place);
  return (
    places.find((p) => [p.nameKo, p.nameEn, ...(p.aliases ?? [])].some((name) => normalise(name) === wanted)) ?? null
  );
}

function normalise(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/(특별자치도|특별자치시|특별시|광역시|도|시)$/u, "")
    .replace(/-(do|si)$/, "");
}
