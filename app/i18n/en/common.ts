import type { Translation } from "../message";
import type { common as korean } from "../ko/common";

export const common = {
  appName: "ClusterLink",
  tagline: "Map of regional innovation infrastructure",
  languageSwitch: "한국어",
  languageSwitchLabel: "한국어로 보기",
  backToMap: "Back to the map",
  credits: "Data sources",
  creditLand: "Land outline: Natural Earth (public domain, via world-atlas)",
  creditListings: "Centers and programs: the source shown on each entry (data/README.md)",
  creditBasemap: "Basemap: as credited by the configured map style",
  notFoundTitle: "Not found",
  notFoundBody: "There is no such page. Check the address or go back to the map.",
  errorTitle: "Something went wrong",
  errorBody: "Please try again in a moment.",
  nationwide: "Nationwide",
  navMap: "Map",
  navMatch: "Find support",
  applyFilters: "Apply",
  boundaryCredit: "Province boundaries: {source} ({license})",
  pageTitleMap: "ClusterLink — map of regional innovation infrastructure",
  forbiddenTitle: "Not allowed",
  forbiddenBody: "Your account may not do this.",
  navGaps: "Coverage gaps",
  pageTitleGaps: "ClusterLink — coverage gaps",
} as const satisfies Translation<typeof korean>;
