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
  unavailableTitle: "Temporarily unavailable",
  unavailableBody:
    "The database cannot be reached. Please try again in a moment; what you just entered may not have been saved.",
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
  skipToContent: "Skip to content",
  menu: "Menu",
  loading: "Loading…",
  offlineTitle: "Could not reach the server",
  offlineBody: "The internet connection is down or the server is not answering. Check your connection, then try again.",
  errorWhatToDo: "If it happens again, come back in a while or go back to the map.",
  retry: "Try again",
  offlineKeptResults:
    "The connection dropped, so the new results could not be loaded. Below are the last results loaded. Check your connection, then try again.",
  creditBoundaries:
    "Administrative boundaries: Statistics Korea SGIS 2018, KOGL Type 1 (via github.com/southkorea/southkorea-maps)",
  creditPlaces: "Area centroids and names: vuski/admdongkor (based on Statistics Korea SGIS)",
} as const satisfies Translation<typeof korean>;
