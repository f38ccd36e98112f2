import type { Bilingual } from "./types";

/**
 * KSIC-10 classes below the division that facility sources name (Korean names
 * as in the official classification, KOSTAT, via FinanceData/KSIC; English
 * renderings ours). Divisions come from the database.
 */
export const KSIC_CLASSES: Record<string, Bilingual> = {
  "131": { ko: "방적 및 가공사 제조업", en: "Spinning and processed yarn" },
  "132": { ko: "직물 직조 및 직물제품 제조업", en: "Weaving and woven fabric products" },
  "134": { ko: "섬유제품 염색, 정리 및 마무리 가공업", en: "Dyeing and finishing of textiles" },
  "152": { ko: "신발 및 신발 부분품 제조업", en: "Footwear and footwear parts" },
  "2926": { ko: "섬유, 의복 및 가죽 가공기계 제조업", en: "Machinery for textile, apparel and leather production" },
};

/** The name of a division or of a class below it; the code itself when neither is known. */
export function ksicLabel(code: string, divisions: Map<string, Bilingual>): Bilingual {
  return divisions.get(code) ?? KSIC_CLASSES[code] ?? divisions.get(code.slice(0, 2)) ?? { ko: code, en: code };
}
