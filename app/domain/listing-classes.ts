import { PAVITT_CLASSES, type FacilityKind, type FacilityService, type PavittClass } from "./types";

/**
 * Which firm types a facility's services are meant for, following seed 002
 * Table 2-8 and the text after it: technical assistance and small-group work
 * for specialized suppliers, demonstrations, networks and intermediaries for
 * supplier-dominated firms, research, patents and finance for science-based
 * firms, anchor-group cooperation for scale-intensive firms.
 */
const CLASSES_BY_SERVICE: Record<FacilityService, PavittClass[]> = {
  technical_assistance: ["specialized_supplier", "supplier_dominated"],
  testing_equipment: ["specialized_supplier", "supplier_dominated"],
  consulting: ["specialized_supplier", "supplier_dominated"],
  training: ["supplier_dominated", "specialized_supplier"],
  demonstration: ["supplier_dominated"],
  networking: ["supplier_dominated", "specialized_supplier"],
  information: ["supplier_dominated"],
  rnd_collaboration: ["science_based", "specialized_supplier"],
  patent_ip: ["science_based"],
  finance_linkage: ["science_based"],
  tech_commercialization: ["science_based", "specialized_supplier"],
  startup_incubation: ["science_based", "specialized_supplier"],
  export_support: ["specialized_supplier", "supplier_dominated"],
  shared_growth: ["scale_intensive"],
};

const CLASSES_BY_KIND: Record<FacilityKind, PavittClass[]> = {
  innovation_center: ["specialized_supplier", "supplier_dominated"],
  techno_park: ["specialized_supplier", "supplier_dominated"],
  industrial_complex: ["scale_intensive", "supplier_dominated"],
  research_complex: ["science_based"],
  business_incubator: ["science_based", "specialized_supplier"],
  university_tlo: ["science_based"],
  // Extension services for firms that take their technology from suppliers (seed 002, Table 2-8).
  production_institute: ["supplier_dominated", "specialized_supplier"],
  kitech_division: ["specialized_supplier", "supplier_dominated"],
};

export function facilityTargetClasses(kind: string, services: string[]): PavittClass[] {
  const found = new Set<PavittClass>(CLASSES_BY_KIND[kind as FacilityKind] ?? []);
  for (const service of services)
    for (const cls of CLASSES_BY_SERVICE[service as FacilityService] ?? []) found.add(cls);
  return PAVITT_CLASSES.filter((cls) => found.has(cls));
}

/** A program with no target classes is open to every class. */
export function programTargetClasses(targets: string[]): PavittClass[] {
  return targets.length === 0 ? [...PAVITT_CLASSES] : PAVITT_CLASSES.filter((cls) => targets.includes(cls));
}
