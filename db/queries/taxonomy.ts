import type { Kysely } from "kysely";
import type { AnchorGroupType } from "../../app/domain/anchor-groups";
import type { SizeRule } from "../../app/domain/sme";
import type { Database } from "../schema";

export interface KsicDivision {
  code: string;
  sectionCode: string;
  nameKo: string;
  nameEn: string;
  defaultPavittClass: string | null;
  pavittBasis: string;
  pavittNote: string | null;
}

export async function listKsicDivisions(db: Kysely<Database>): Promise<KsicDivision[]> {
  const rows = await db.selectFrom("ksic_divisions").selectAll().orderBy("code").execute();
  return rows.map((r) => ({
    code: r.code,
    sectionCode: r.section_code,
    nameKo: r.name_ko,
    nameEn: r.name_en,
    defaultPavittClass: r.default_pavitt_class,
    pavittBasis: r.pavitt_basis,
    pavittNote: r.pavitt_note,
  }));
}

export interface AnchorGroup {
  id: string;
  type: AnchorGroupType;
  nameKo: string;
  nameEn: string;
  sectors: string[];
}

export async function listAnchorGroups(db: Kysely<Database>): Promise<AnchorGroup[]> {
  const rows = await db.selectFrom("anchor_groups").selectAll().orderBy("id").execute();
  return rows.map((r) => ({ id: r.id, type: r.type, nameKo: r.name_ko, nameEn: r.name_en, sectors: r.sectors }));
}

export async function listSizeRules(db: Kysely<Database>): Promise<SizeRule[]> {
  const rows = await db.selectFrom("sme_size_rules").selectAll().orderBy("id").execute();
  return rows.map((r) => ({
    id: r.id,
    sectorNameKo: r.sector_name_ko,
    sectorNameEn: r.sector_name_en,
    ksicSections: r.ksic_sections,
    ksicDivisions: r.ksic_divisions,
    maxEmployeesExclusive: r.max_employees_exclusive,
    thresholdKind: r.threshold_kind,
    thresholdMaxKrw: Number(r.threshold_max_krw),
    source: r.source,
  }));
}
