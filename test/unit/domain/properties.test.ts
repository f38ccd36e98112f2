import { distanceKm } from "~/domain/geo";
import { MIN_CENTERS_IN_REACH, reachOf } from "~/domain/matching/reach";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkEligibility } from "~/domain/matching/eligibility";
import { matchFirm } from "~/domain/matching/match";
import { scoreFacility } from "~/domain/matching/scoring";
import type { FacilityCandidate, FirmProfile, ProgramCandidate, ScoredItem } from "~/domain/matching/types";
import {
  APPROPRIATIONS,
  CERTIFICATIONS,
  DELIVERY_MODES,
  FACILITY_KINDS,
  FACILITY_SERVICES,
  INNOVATION_FOCUSES,
  NEEDS,
  PAVITT_CLASSES,
  PROGRAM_CATEGORIES,
  TECH_SOURCES,
  type LatLng,
} from "~/domain/types";
import { SEED_001_RULES, context } from "./fixtures";
import { said } from "../i18n/said";

const CONTEXT = context();
const REGIONS = [...CONTEXT.regions.keys()];
const DIVISIONS = [...CONTEXT.divisions.entries()].map(([code, facts]) => ({ code, section: facts.sectionCode }));

const point: fc.Arbitrary<LatLng> = fc.record({
  lat: fc.double({ min: 33.2, max: 38.5, noNaN: true }),
  lng: fc.double({ min: 125.0, max: 131.0, noNaN: true }),
});
const subset = <T>(values: readonly T[]) => fc.subarray([...values]);

const profileArb: fc.Arbitrary<FirmProfile> = fc
  .record({
    division: fc.constantFrom(...DIVISIONS),
    employees: fc.integer({ min: 1, max: 600 }),
    capitalKrw: fc.option(fc.integer({ min: 1e8, max: 2e10 }), { nil: undefined }),
    salesKrw: fc.option(fc.integer({ min: 1e8, max: 5e10 }), { nil: undefined }),
    location: point,
    regionCode: fc.constantFrom(...REGIONS),
    answers: fc.option(
      fc.record(
        {
          techSource: fc.constantFrom(...TECH_SOURCES),
          appropriation: fc.constantFrom(...APPROPRIATIONS),
          innovationFocus: fc.constantFrom(...INNOVATION_FOCUSES),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
    rnd: fc.option(
      fc.record(
        {
          researchers: fc.integer({ min: 0, max: 50 }),
          rndSpendKrw: fc.integer({ min: 0, max: 5e9 }),
          patents: fc.integer({ min: 0, max: 20 }),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
    certifications: subset(CERTIFICATIONS),
    needs: subset(NEEDS),
  })
  .map(({ division, ...rest }) => ({ ...rest, ksicDivision: division.code, sectionCode: division.section }));

const facilityArb = (id: string): fc.Arbitrary<FacilityCandidate> =>
  fc.record({
    id: fc.constant(id),
    kind: fc.constantFrom(...FACILITY_KINDS),
    nameKo: fc.constant(`시설 ${id}`),
    nameEn: fc.constant(`Facility ${id}`),
    regionCode: fc.constantFrom(...REGIONS),
    location: fc.option(point, { nil: null }),
    sectors: subset(DIVISIONS.map((division) => division.code)),
    services: subset(FACILITY_SERVICES),
    deliveryModes: subset(DELIVERY_MODES),
    anchorGroupId: fc.constantFrom(null, "doosan", "hyundai-motor"),
  });

const programArb = (id: string, facilityIds: string[]): fc.Arbitrary<ProgramCandidate> =>
  fc
    .record({
      nationwide: fc.boolean(),
      regionCodes: subset(REGIONS),
      location: fc.option(point, { nil: null }),
      sectors: subset(DIVISIONS.map((division) => division.code)),
      category: fc.constantFrom(...PROGRAM_CATEGORIES),
      diffusionLevel: fc.constantFrom(null, 1, 2, 3),
      deliveryModes: subset(DELIVERY_MODES),
      pavittClasses: fc.oneof(fc.constant<string[]>([...PAVITT_CLASSES]), subset<string>(PAVITT_CLASSES)),
      targetCapabilities: subset(["non_technological", "technology_following", "technology_driven"]),
      smeOnly: fc.boolean(),
      maxEmployees: fc.option(fc.integer({ min: 5, max: 500 }), { nil: null }),
      requiredCertifications: fc.oneof(fc.constant<string[]>([]), subset<string>(CERTIFICATIONS)),
      providerFacilityId: fc.constantFrom(null, ...facilityIds),
    })
    .map((fields) => ({
      ...fields,
      id,
      kind: "program",
      nameKo: `사업 ${id}`,
      nameEn: `Program ${id}`,
      regionCodes: fields.nationwide ? [] : fields.regionCodes,
      regionCode: fields.nationwide ? null : (fields.regionCodes[0] ?? null),
      diffusionType: null,
    }));

const candidatesArb = fc
  .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 12 }))
  .chain(([facilityCount, programCount]) => {
    const facilityIds = Array.from({ length: facilityCount }, (_, i) => `f${i}`);
    return fc.record({
      facilities: fc.tuple(...facilityIds.map(facilityArb)),
      programs: fc.tuple(...Array.from({ length: programCount }, (_, i) => programArb(`p${i}`, facilityIds))),
    });
  });

/** The point `km` kilometres from `origin` along `bearingDeg` (great circle). */
function destination(origin: LatLng, bearingDeg: number, km: number): LatLng {
  const R = 6371.0088;
  const toRad = Math.PI / 180;
  const lat1 = origin.lat * toRad;
  const lng1 = origin.lng * toRad;
  const bearing = bearingDeg * toRad;
  const angle = km / R;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(angle) + Math.cos(lat1) * Math.sin(angle) * Math.cos(bearing));
  const lng2 =
    lng1 +
    Math.atan2(Math.sin(bearing) * Math.sin(angle) * Math.cos(lat1), Math.cos(angle) - Math.sin(lat1) * Math.sin(lat2));
  return { lat: lat2 / toRad, lng: lng2 / toRad };
}

describe("properties", () => {
  it("moving the firm farther from a center along the same bearing never raises its proximity points", () => {
    fc.assert(
      fc.property(
        profileArb,
        facilityArb("center").filter((facility) => facility.location !== null),
        fc.double({ min: 0, max: 359.99, noNaN: true }),
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.double({ min: 0, max: 300, noNaN: true }),
        (profile, center, bearing, near, extra) => {
          const firmFacts = (location: LatLng) => ({
            profile: { ...profile, location },
            pavittClass: "specialized_supplier" as const,
            capability: "technology_following" as const,
            divisionName: { ko: "업종", en: "industry" },
          });
          const origin = center.location as LatLng;
          const proximityAt = (km: number) =>
            scoreFacility(center, firmFacts(destination(origin, bearing, km)), CONTEXT).breakdown.find(
              (line) => line.component === "proximity",
            )?.points as number;
          expect(proximityAt(near + extra)).toBeLessThanOrEqual(proximityAt(near));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("returns exactly the eligible programs, and every facility within reach (all of them when too few are)", () => {
    fc.assert(
      fc.property(profileArb, candidatesArb, (profile, candidates) => {
        const result = matchFirm(profile, candidates, CONTEXT, SEED_001_RULES);
        const firm = {
          isSme: result.eligibility.isSme,
          employees: profile.employees,
          regionCode: profile.regionCode,
          pavittClass: result.classification.pavitt.pavittClass,
          certifications: profile.certifications,
        };
        const returned = new Set(result.programs.map((item) => item.id));
        for (const program of candidates.programs)
          expect(returned.has(program.id)).toBe(checkEligibility(program, firm).eligible);
        const within = candidates.facilities
          .filter(
            (f) => reachOf(profile.regionCode, f, f.location ? distanceKm(profile.location, f.location) : null).within,
          )
          .map((f) => f.id);
        const expected = within.length >= MIN_CENTERS_IN_REACH ? within : candidates.facilities.map((f) => f.id);
        expect(result.centers.map((item) => item.id).sort()).toEqual([...expected].sort());
        for (const center of result.centers)
          expect(center.reasons.some((r) => r.rule === "reach.beyond")).toBe(!within.includes(center.id));
        if (result.eligibility.isSme !== true)
          expect(
            result.programs.every((item) => !candidates.programs.find((program) => program.id === item.id)?.smeOnly),
          ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("scores stay within 0–100, are sorted (centers within reach before those beyond it), and every item carries reasons in both languages", () => {
    fc.assert(
      fc.property(profileArb, candidatesArb, (profile, candidates) => {
        const result = matchFirm(profile, candidates, CONTEXT, SEED_001_RULES);
        for (const list of [result.centers, result.programs]) {
          for (const item of list) {
            expect(item.score).toBeGreaterThanOrEqual(0);
            expect(item.score).toBeLessThanOrEqual(100);
            expect(item.reasons.length).toBeGreaterThan(0);
            for (const reason of item.reasons) {
              expect(reason.rule).toMatch(/^[a-z_]+\.[a-z_]+$/);
              expect(said(reason)?.ko).toMatch(/[가-힣]/);
              expect(said(reason)?.en).toMatch(/[A-Za-z]/);
            }
          }
          const beyond = (item: ScoredItem) => item.reasons.some((r) => r.rule === "reach.beyond");
          for (let i = 1; i < list.length; i++) {
            const [before, after] = [list[i - 1]!, list[i]!];
            if (beyond(before) === beyond(after)) expect(before.score).toBeGreaterThanOrEqual(after.score);
            else expect(beyond(after)).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("the same input always gives the same output, whatever the candidates' order", () => {
    fc.assert(
      fc.property(
        profileArb,
        candidatesArb.chain((candidates) =>
          fc.record({
            original: fc.constant(candidates),
            shuffled: fc.record({
              facilities: fc.shuffledSubarray(candidates.facilities, { minLength: candidates.facilities.length }),
              programs: fc.shuffledSubarray(candidates.programs, { minLength: candidates.programs.length }),
            }),
          }),
        ),
        (profile, { original, shuffled }) => {
          const first = matchFirm(profile, original, CONTEXT, SEED_001_RULES);
          expect(matchFirm(profile, original, CONTEXT, SEED_001_RULES)).toEqual(first);
          expect(matchFirm(profile, shuffled, CONTEXT, SEED_001_RULES)).toEqual(first);
          expect(matchFirm(profile, original, CONTEXT, [...SEED_001_RULES].reverse())).toEqual(first);
        },
      ),
      { numRuns: 200 },
    );
  });
});
