import type { PavittClass, ProgramCategory } from "../types";
import {
  hashtagPreFounders,
  readApplicantTypes,
  readBusinessAgeBands,
  readBusinessAgeText,
  readFounderAge,
} from "./applicants";
import type { BizinfoRecord, KstartupRecord } from "./parse";
import { reading, type Reading } from "./readings";
import {
  combineRegions,
  eligibilityTextRegions,
  hashtagRegions,
  regionField,
  titleMarkers,
  type RegionReading,
} from "./regions";
import { readSupportField, type SupportFieldReading, type SupportFieldRule } from "./support-fields";
import { attachments, htmlToText, officialUrl, plainText } from "./text";
import type { ApplicantType, ApplicationWindow, Attachment, BusinessAge, Portal, RegionScope } from "./types";
import { readWindowDates, readWindowText } from "./window";

/** Everything the platform reads from one announcement: what the rules use, and the readings that show where each fact came from. */
export interface AnnouncementReading {
  portal: Portal;
  sourceId: string;
  title: string;
  summary: string;
  eligibilityText: string;
  agency: string | null;
  executingAgency: string | null;
  supportField: string | null;
  category: ProgramCategory;
  diffusionLevel: 1 | 2 | 3 | null;
  pavittClasses: PavittClass[];
  window: ApplicationWindow;
  regions: RegionScope;
  applicantTypes: ApplicantType[];
  businessAge: BusinessAge;
  detailUrl: string | null;
  applyUrl: string | null;
  attachments: Attachment[];
  /** The announcement's own publication and update times, as the portal wrote them. */
  publishedAt: string | null;
  readings: Reading[];
  /** Title and deadline, normalised: the same call published on both portals has the same key. */
  dedupeKey: string;
}

/** Placeholders Bizinfo writes where the executing agency is not named. */
const AGENCY_PLACEHOLDERS = new Set(["기초자치단체", "직접수행", "지방중소벤처기업청", "광역자치단체"]);

function agencyReading(field: string, value: string | null): Reading[] {
  if (!value) return [];
  return [
    AGENCY_PLACEHOLDERS.has(value)
      ? reading("agency.placeholder", field, value, {})
      : reading("agency.named", field, value, {}),
  ];
}

/**
 * The key two portals' copies of one call share: the title without its region markers, spaces
 * and punctuation, and the last day of application.
 */
export function dedupeKeyOf(title: string, window: ApplicationWindow): string {
  const core = title
    .replace(/^\s*[[(（【][^\])）】]{1,30}[\])）】]\s*/, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "");
  const end = window.kind === "dated" ? window.end : window.kind;
  return `${core}|${end}`;
}

function mergeAge(
  bands: BusinessAge | null,
  text: { maxMonthsExclusive: number | null; foundedOnOrAfter: string | null },
): BusinessAge {
  const limits = [bands?.maxMonthsExclusive ?? null, text.maxMonthsExclusive].filter(
    (value): value is number => value !== null && value > 0,
  );
  return {
    maxMonthsExclusive: limits.length > 0 ? Math.min(...limits) : (bands?.maxMonthsExclusive ?? null),
    foundedOnOrAfter: text.foundedOnOrAfter,
    preFounders: bands?.preFounders ?? false,
  };
}

/**
 * The facts both portals' readers take the same way, in the order a reading holds them (the
 * importer hashes a reading as written): the support field's classes, the window, the regions,
 * and who may apply, pre-founders added when the call admits them.
 */
function sharedFacts(facts: {
  field: SupportFieldReading;
  window: ApplicationWindow;
  regions: RegionReading;
  applicantTypes: ApplicantType[];
  preFounders: boolean;
}): Pick<
  AnnouncementReading,
  "category" | "diffusionLevel" | "pavittClasses" | "window" | "regions" | "applicantTypes"
> {
  const { field, applicantTypes, preFounders } = facts;
  return {
    category: field.category,
    diffusionLevel: field.diffusionLevel,
    pavittClasses: field.pavittClasses,
    window: facts.window,
    regions: facts.regions.scope,
    applicantTypes:
      preFounders && !applicantTypes.includes("pre_founder") ? [...applicantTypes, "pre_founder"] : applicantTypes,
  };
}

export function readBizinfo(record: BizinfoRecord, table: readonly SupportFieldRule[]): AnnouncementReading {
  const summary = htmlToText(record.summaryHtml);
  const { window, readings: windowReadings } = readWindowText(record.windowField, record.window);
  const regions = combineRegions([
    titleMarkers("pblancNm", record.title),
    eligibilityTextRegions("bsnsSumryCn", summary),
    hashtagRegions(record.hashtagsField, record.hashtags),
  ]);
  const applicants = readApplicantTypes("trgetNm", record.target);
  const preFounderTag = hashtagPreFounders(record.hashtagsField, record.hashtags);
  const preFounderText = /예비\s*창업자/.test(summary)
    ? reading("applicant.pre_founder", "bsnsSumryCn", "예비창업자", {})
    : null;
  const preFounders = preFounderTag !== null || preFounderText !== null;
  const ageText = readBusinessAgeText("bsnsSumryCn", summary);
  const field = readSupportField(table, "bizinfo", "pldirSportRealmLclasCodeNm", record.supportField);
  return {
    portal: "bizinfo",
    sourceId: record.id,
    title: plainText(record.title),
    summary,
    eligibilityText: summary,
    agency: record.agency,
    executingAgency:
      record.executingAgency && !AGENCY_PLACEHOLDERS.has(record.executingAgency) ? record.executingAgency : null,
    supportField: record.supportField,
    ...sharedFacts({ field, window, regions, applicantTypes: applicants.types, preFounders }),
    businessAge: {
      maxMonthsExclusive: ageText.maxMonthsExclusive,
      foundedOnOrAfter: ageText.foundedOnOrAfter,
      preFounders,
    },
    detailUrl: officialUrl(record.detailUrl),
    applyUrl: officialUrl(record.applySite) ?? officialUrl(record.detailUrl),
    attachments: [
      ...attachments(record.fileNames, record.fileUrls),
      ...(record.printFileName ? attachments(record.printFileName, record.printFileUrl) : []),
    ],
    publishedAt: record.createdAt,
    readings: [
      ...windowReadings,
      ...regions.readings,
      ...applicants.readings,
      ...[preFounderTag ?? preFounderText].filter((r): r is Reading => r !== null),
      ...ageText.readings,
      ...field.readings,
      ...agencyReading("excInsttNm", record.executingAgency),
    ],
    dedupeKey: dedupeKeyOf(record.title, window),
  };
}

export function readKstartup(record: KstartupRecord, table: readonly SupportFieldRule[]): AnnouncementReading {
  const { window, readings: windowReadings } = readWindowDates(
    "pbanc_rcpt_bgng_dt",
    record.start,
    "pbanc_rcpt_end_dt",
    record.end,
  );
  const eligibility = plainText(record.eligibility);
  const regions = combineRegions([
    titleMarkers("biz_pbanc_nm", record.title),
    eligibilityTextRegions("aply_trgt_ctnt", eligibility),
    regionField("supt_regin", record.region),
  ]);
  const applicants = readApplicantTypes("aply_trgt", record.applicants);
  const bands = readBusinessAgeBands("biz_enyy", record.businessAge);
  const ageText = readBusinessAgeText("aply_trgt_ctnt", eligibility);
  const founderAge = readFounderAge("biz_trgt_age", record.founderAge);
  const field = readSupportField(table, "kstartup", "supt_biz_clsfc", record.supportField);
  const businessAge = mergeAge(bands?.age ?? null, ageText);
  const online = officialUrl(record.onlineApply);
  return {
    portal: "kstartup",
    sourceId: record.id,
    title: plainText(record.title),
    summary: plainText(record.summary),
    eligibilityText: eligibility,
    agency: record.agency,
    executingAgency: record.department,
    supportField: record.supportField,
    ...sharedFacts({ field, window, regions, applicantTypes: applicants.types, preFounders: businessAge.preFounders }),
    businessAge,
    detailUrl: officialUrl(record.detailUrl),
    applyUrl: officialUrl(record.applyUrl) ?? online ?? officialUrl(record.guideUrl) ?? officialUrl(record.detailUrl),
    attachments: [],
    publishedAt: null,
    readings: [
      ...windowReadings,
      ...regions.readings,
      ...applicants.readings,
      ...(bands?.readings ?? []),
      ...ageText.readings,
      ...(founderAge ? [founderAge] : []),
      ...field.readings,
    ],
    dedupeKey: dedupeKeyOf(record.title, window),
  };
}
