import type { CoordPrecision, DeliveryMode, FacilityKind, FacilityService } from "../../app/domain/types";
import type { Executor, FacilityContacts, FacilityRow, FactSources, ListingStatus } from "../schema";

export interface AnchorRef {
  id: string;
  nameKo: string;
  nameEn: string;
}

export interface FacilitySummary {
  id: string;
  kind: FacilityKind;
  subtype: string | null;
  nameKo: string;
  nameEn: string;
  regionCode: string;
  lat: number;
  lng: number;
  precision: CoordPrecision;
  anchorGroup: AnchorRef | null;
  sectors: string[];
  /** Street address, phone and website; null when no source gives them. */
  address: string | null;
  phone: string | null;
  website: string | null;
}

export interface Facility extends FacilitySummary {
  openingHours: string | null;
  /** The citation behind each shown fact. */
  factSources: FactSources;
  /** The area the point stands for, when placed from an address or area name. */
  areaCode: string | null;
  locationNoteKo: string | null;
  aliases: string[];
  coAnchorGroups: AnchorRef[];
  locationNote: string | null;
  industriesNoteKo: string | null;
  industriesNoteEn: string | null;
  services: FacilityService[];
  deliveryModes: DeliveryMode[];
  contacts: FacilityContacts;
  opened: string | null;
  source: string;
  verification: string | null;
  status: ListingStatus;
  version: number;
  updatedAt: Date;
}

export interface FacilityFilter {
  kinds?: FacilityKind[];
  regionCode?: string;
  ids?: string[];
  includeArchived?: boolean;
}

export async function listFacilities(db: Executor, filter: FacilityFilter = {}): Promise<Facility[]> {
  let query = db.selectFrom("facilities").selectAll().orderBy("region_code").orderBy("kind").orderBy("id");
  if (!filter.includeArchived) query = query.where("status", "=", "published");
  if (filter.kinds && filter.kinds.length > 0) query = query.where("kind", "in", filter.kinds);
  if (filter.regionCode) query = query.where("region_code", "=", filter.regionCode);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where("id", "in", filter.ids);
  }
  const rows = await query.execute();
  const anchors = await anchorRefs(db);
  return rows.map((row) => toFacility(row, anchors));
}

export async function getFacility(db: Executor, id: string): Promise<Facility | null> {
  const row = await db
    .selectFrom("facilities")
    .selectAll()
    .where("id", "=", id)
    .where("status", "=", "published")
    .executeTakeFirst();
  if (!row) return null;
  return toFacility(row, await anchorRefs(db));
}

async function anchorRefs(db: Executor): Promise<Map<string, AnchorRef>> {
  const rows = await db.selectFrom("anchor_groups").select(["id", "name_ko", "name_en"]).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, nameKo: r.name_ko, nameEn: r.name_en }]));
}

function toFacility(row: FacilityRow, anchors: Map<string, AnchorRef>): Facility {
  return {
    id: row.id,
    kind: row.kind,
    subtype: row.subtype,
    nameKo: row.name_ko,
    nameEn: row.name_en,
    regionCode: row.region_code,
    lat: row.lat,
    lng: row.lng,
    precision: row.coord_precision,
    anchorGroup: row.anchor_group_id ? (anchors.get(row.anchor_group_id) ?? null) : null,
    sectors: row.industries,
    address: row.contacts?.addressKo ?? null,
    phone: row.contacts?.phone ?? null,
    website: row.contacts?.url ?? null,
    openingHours: row.contacts?.openingHours ?? null,
    factSources: row.fact_sources ?? {},
    areaCode: row.area_code,
    locationNoteKo: row.location_note_ko,
    aliases: row.aliases,
    coAnchorGroups: row.co_anchor_group_ids.flatMap((id) => anchors.get(id) ?? []),
    locationNote: row.location_note,
    industriesNoteKo: row.industries_note_ko,
    industriesNoteEn: row.industries_note_en,
    services: row.services,
    deliveryModes: row.delivery_modes,
    contacts: row.contacts ?? {},
    opened: row.opened,
    source: row.source,
    verification: row.verification,
    status: row.status,
    version: row.version,
    updatedAt: row.updated_at,
  };
}
