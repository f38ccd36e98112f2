import type { Settings } from "meilisearch";
import { industrySynonyms } from "../industry-words.server";
import { meilisearchSynonyms } from "../synonyms";

export const MAX_FACET_VALUES = 500;

/** Most important first: Meilisearch's `attribute` ranking rule follows this order. */
const SEARCHABLE_ATTRIBUTES = [
  "nameKo",
  "nameEn",
  "aliases",
  "choseongKeys",
  "sectorLabelsKo",
  "sectorLabelsEn",
  "sectors",
  "anchorGroupKo",
  "anchorGroupEn",
  "regionNamesKo",
  "regionNamesEn",
  "descriptionKo",
  "descriptionEn",
];

/** Both indexes share these settings. */
export function indexSettings(): Settings {
  return {
    searchableAttributes: SEARCHABLE_ATTRIBUTES,
    filterableAttributes: [
      "type",
      "kind",
      "regionCodes",
      "nationwide",
      "sectors",
      "pavittClasses",
      "category",
      "id",
      "_geo",
      "windowKind",
      "windowStartDay",
      "windowEndDay",
      "withdrawn",
      "applicantTypes",
      "ageLimitMonths",
    ],
    sortableAttributes: ["_geo", "type", "nameKo", "windowEndDay"],
    // `sort` first: a requested order (distance, or type then name without text) is strict, and
    // relevance orders what it leaves tied. Searches without a sort are unaffected.
    rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness"],
    // Industry words reach their divisions' codes one way (염색 → 13), as in the embedded engine.
    synonyms: { ...industrySynonyms(), ...meilisearchSynonyms() },
    typoTolerance: {
      enabled: true,
      // Meilisearch's defaults, spelled out: the embedded engine allows Latin typos at the same lengths.
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnAttributes: ["choseongKeys", "sectors"],
    },
    localizedAttributes: [
      { attributePatterns: ["*Ko"], locales: ["kor"] },
      { attributePatterns: ["*En"], locales: ["eng"] },
    ],
    faceting: { maxValuesPerFacet: MAX_FACET_VALUES },
    // Totals and deep pages stay exact for the whole catalogue.
    pagination: { maxTotalHits: 100_000 },
  };
}
