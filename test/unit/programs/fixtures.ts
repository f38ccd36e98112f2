import fs from "node:fs";
import path from "node:path";
import { checkBizinfoRecord, checkKstartupRecord, parsePortalReply } from "~/domain/programs/parse";
import { readBizinfo, readKstartup, type AnnouncementReading } from "~/domain/programs/read";
import type { Portal } from "~/domain/programs/types";
import { supportFieldTable } from "~/programs/tables.server";

export const FIXTURES = path.resolve("test/fixtures/programs");

export function fixtureJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, file), "utf8"));
}

/** Every record of a recorded reply, read. */
export function readFixture(portal: Portal, file: string): AnnouncementReading[] {
  const reply = parsePortalReply(portal, fixtureJson(file));
  if (!reply.ok) throw new Error(`${file}: ${reply.error.message}`);
  return reply.page.records.map((raw) => {
    if (portal === "bizinfo") {
      const checked = checkBizinfoRecord(raw);
      if (!checked.ok) throw new Error(`${file}: ${JSON.stringify(checked.issues)}`);
      return readBizinfo(checked.value, supportFieldTable());
    }
    const checked = checkKstartupRecord(raw);
    if (!checked.ok) throw new Error(`${file}: ${JSON.stringify(checked.issues)}`);
    return readKstartup(checked.value, supportFieldTable());
  });
}

export const BIZINFO_NATIVE = "bizinfo/bizradar_api_response_sample.json";
export const BIZINFO_DATA_GO_KR = "more/bizinfo/bizaid_datagokr_page1_10items.json";
export const KSTARTUP_PAGE = "kstartup/bizradar_announcement_list_sample.json";
export const KSTARTUP_SEED = "more/kstartup/kstartup_caching_seed_2items.json";

export function byId(readings: AnnouncementReading[], id: string): AnnouncementReading {
  const found = readings.find((r) => r.sourceId === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}
