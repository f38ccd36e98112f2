import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listBoundaries } from "../../db/queries/boundaries";
import { importBoundaries } from "~/boundaries.server";
import { ALL_REGION_CODES } from "~/domain/programs/regions";
import { loader as mapPageLoader } from "~/routes/_index";
import { loader as provincesLoader } from "~/routes/map.provinces[.]json";
import type { Services } from "~/services.server";
import { createTestServices, databaseLabel } from "./support";
import { callLoader } from "../../scripts/harness/loader";

import { feature } from "topojson-client";

/** The project's own derived boundaries (npm run data:derive): the provinces as GeoJSON, as an importer would get them. */
const TOPOLOGY = JSON.parse(fs.readFileSync(path.resolve("data/boundaries/korea.topo.json"), "utf8"));
const currentFile = () => JSON.stringify(feature(TOPOLOGY, TOPOLOGY.objects.provinces));
/** The same provinces under their 2018 KOSTAT codes, Gangwon and Jeonbuk with their old MOIS codes. */
const kostatFile = () => {
  const file = JSON.parse(currentFile()) as FeatureCollection;
  for (const f of file.features)
    f.properties = { code_kostat: f.properties.code_kostat, name_ko: f.properties.name_ko };
  return JSON.stringify(file);
};

type FeatureCollection = {
  type: "FeatureCollection";
  features: {
    type: "Feature";
    properties: Record<string, unknown>;
    geometry: { type: string; coordinates: unknown };
  }[];
};

describe(`province boundary import on ${databaseLabel}`, () => {
  let services: Services;
  beforeAll(async () => {
    services = await createTestServices();
  });
  afterAll(async () => services?.close());

  it("without boundaries the map offers no province layer and no boundary credit", async () => {
    expect((await callLoader(provincesLoader, services, "/map/provinces.json")).status).toBe(404);
  });

  it("imports the TopoJSON file as derived, taking its provinces", async () => {
    expect(await importBoundaries(services.database.db, JSON.stringify(TOPOLOGY))).toMatchObject({
      ok: true,
      provinces: 17,
    });
  });

  it("imports the 17 provinces of the KOSTAT file and the map credits them", async () => {
    const result = await importBoundaries(services.database.db, currentFile());
    expect(result).toMatchObject({ ok: true, provinces: 17 });
    const stored = await listBoundaries(services.database.db);
    expect(stored.map((b) => b.regionCode).sort()).toEqual(ALL_REGION_CODES);
    expect(stored[0]!.license).toMatch(/KOGL/);
    const provinces = (await (
      await callLoader(provincesLoader, services, "/map/provinces.json")
    ).json()) as FeatureCollection;
    expect(provinces.features.length).toBe(17);
  });

  it("also reads the 2018 file, whose old codes for Gangwon and Jeonbuk map to today's", async () => {
    const result = await importBoundaries(services.database.db, kostatFile());
    expect(result).toMatchObject({ ok: true, provinces: 17 });
  });

  it.each([
    ["not JSON", () => "{ nope", /JSON/],
    [
      "a province missing",
      () => {
        const file = JSON.parse(currentFile()) as FeatureCollection;
        file.features.pop();
        return JSON.stringify(file);
      },
      /16|missing|17/i,
    ],
    [
      "an unknown province code",
      () => {
        const file = JSON.parse(currentFile()) as FeatureCollection;
        for (const key of Object.keys(file.features[0]!.properties))
          if (/code/i.test(key)) file.features[0]!.properties[key] = "99";
        return JSON.stringify(file);
      },
      /99/,
    ],
    [
      "a geometry that is not a polygon",
      () => {
        const file = JSON.parse(currentFile()) as FeatureCollection;
        file.features[3]!.geometry = { type: "Point", coordinates: [127, 37] };
        return JSON.stringify(file);
      },
      /Point|polygon/i,
    ],
    [
      "an unclosed ring",
      () => {
        const file = JSON.parse(currentFile()) as FeatureCollection;
        file.features[2]!.geometry = {
          type: "Polygon",
          coordinates: [
            [
              [127, 37],
              [127.1, 37],
              [127.1, 37.1],
            ],
          ],
        };
        return JSON.stringify(file);
      },
      /ring|closed/i,
    ],
  ])("rejects %s with a clear message and keeps what was stored", async (_label, makeFile, message) => {
    const before = await listBoundaries(services.database.db);
    const result = await importBoundaries(services.database.db, makeFile());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join("\n")).toMatch(message);
    expect(await listBoundaries(services.database.db)).toEqual(before);
  });

  it("the map page credits the loaded boundaries", async () => {
    const data = (await callLoader(
      async (args: Parameters<typeof mapPageLoader>[0]) => Response.json(await mapPageLoader(args)),
      services,
      "/",
    ).then((r) => r.json())) as { boundaryCredits: { license: string }[] };
    expect(data.boundaryCredits.map((c) => c.license).join()).toMatch(/KOGL/);
  });
});
