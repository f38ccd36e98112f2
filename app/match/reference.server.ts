import { listBoundaries } from "../../db/queries/boundaries";
import { listRegions } from "../../db/queries/regions";
import { listAnchorGroups, listKsicDivisions, listSizeRules } from "../../db/queries/taxonomy";
import type { MatchContext } from "~/domain/matching/types";
import { microRuleTable } from "~/programs/tables.server";
import type { SizeRule } from "~/domain/sme";
import { PAVITT_CLASSES, type PavittClass, type ProfileCodes } from "~/domain/types";
import type { Services } from "~/services.server";
import type { RegionPlace } from "./region";

/** Everything matching reads besides the candidates: reference data, loaded once per process. */
export interface MatchReference {
  context: MatchContext;
  sizeRules: SizeRule[];
  known: ProfileCodes;
  regions: (RegionPlace & { nameKo: string; nameEn: string })[];
  boundaries: Awaited<ReturnType<typeof listBoundaries>>;
  sectionOf: Map<string, string>;
}

const cache = new WeakMap<Services, Promise<MatchReference>>();

export function matchReference(services: Services): Promise<MatchReference> {
  let reference = cache.get(services);
  if (!reference) {
    reference = loadMatchReference(services).catch((error: unknown) => {
      cache.delete(services);
      throw error;
    });
    cache.set(services, reference);
  }
  return reference;
}

async function loadMatchReference(services: Services): Promise<MatchReference> {
  const db = services.database.db;
  const [regions, divisions, anchors, sizeRules, boundaries] = await Promise.all([
    listRegions(db),
    listKsicDivisions(db),
    listAnchorGroups(db),
    listSizeRules(db),
    listBoundaries(db),
  ]);
  const isClass = (value: string | null): value is PavittClass =>
    value !== null && (PAVITT_CLASSES as readonly string[]).includes(value);
  return {
    context: {
      regions: new Map(
        regions.map((r) => [r.code, { strategicIndustries: r.strategicIndustries, capitalArea: r.capitalArea }]),
      ),
      anchorGroups: new Map(anchors.map((a) => [a.id, { sectors: a.sectors, nameKo: a.nameKo, nameEn: a.nameEn }])),
      microRules: microRuleTable(),
      divisions: new Map(
        divisions.map((d) => [
          d.code,
          {
            nameKo: d.nameKo,
            nameEn: d.nameEn,
            sectionCode: d.sectionCode,
            defaultPavittClass: isClass(d.defaultPavittClass) ? d.defaultPavittClass : null,
          },
        ]),
      ),
    },
    sizeRules,
    known: { ksicDivisions: new Set(divisions.map((d) => d.code)), regionCodes: new Set(regions.map((r) => r.code)) },
    regions: regions.map((r) => ({
      code: r.code,
      nameKo: r.nameKoShort,
      nameEn: r.nameEn,
      labelPoint: { lat: r.labelPoint[1], lng: r.labelPoint[0] },
    })),
    boundaries,
    sectionOf: new Map(divisions.map((d) => [d.code, d.sectionCode])),
  };
}
