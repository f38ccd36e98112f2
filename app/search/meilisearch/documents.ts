import type { Hit } from "meilisearch";
import type { LatLng } from "~/domain/types";
import type { SearchDocument } from "../types";
import { choseongKeysOf } from "./query";

/** What each index stores: the document, its primary key, initial-consonant keys and `_geo` when it has a place. */
export interface MeilisearchDocument extends SearchDocument {
  uid: string;
  choseongKeys: string[];
  _geo?: LatLng;
}

export type MeilisearchHit = Hit<MeilisearchDocument> & { _geoDistance?: number };

export const PRIMARY_KEY = "uid";

/**
 * Meilisearch ids allow only `[A-Za-z0-9_-]`. Letters, digits and `-` stay; every other UTF-8
 * byte, `_` included, becomes `_` and two hex digits. Because `_` only ever starts an escape,
 * different ids always give different uids (`a_b` → `a_5fb`, `대구` → `_eb_8c_80_ea_b5_ac`).
 */
export function documentUid(id: string): string {
  let uid = "";
  for (const byte of new TextEncoder().encode(id)) {
    const char = String.fromCharCode(byte);
    uid += /[A-Za-z0-9-]/.test(char) ? char : `_${byte.toString(16).padStart(2, "0")}`;
  }
  return uid;
}

export function toMeilisearchDocument(document: SearchDocument): MeilisearchDocument {
  const stored: MeilisearchDocument = {
    ...document,
    uid: documentUid(document.id),
    choseongKeys: choseongKeysOf([document.nameKo, ...document.aliases, ...document.regionNamesKo]),
  };
  const { location } = document;
  // Without `_geo` a document drops out of `_geoRadius` filters and sorts after all others by distance.
  if (location && Number.isFinite(location.lat) && Number.isFinite(location.lng))
    stored._geo = { lat: location.lat, lng: location.lng };
  return stored;
}

/** The stored document without the fields the engine added and the ones Meilisearch adds to hits. */
export function toSearchDocument(hit: MeilisearchHit): SearchDocument {
  const {
    uid: _uid,
    choseongKeys: _choseongKeys,
    _geo,
    _geoDistance,
    _formatted,
    _federation,
    _matchesPosition,
    _rankingScore,
    _rankingScoreDetails,
    ...document
  } = hit;
  return document;
}
