import type { MetaArgs } from "@remix-run/node";
import { useRootData, type RootData } from "~/root-data";
import { translator, type Translator } from "./index";
import type { Lang } from "./lang";

/** The page's language, from the root loader (Korean where it did not run). */
export function useLang(): Lang {
  return useRootData()?.lang ?? "ko";
}

/** Messages, labels, names and number/date formats in the page's language. */
export function useT(): Translator {
  return translator(useLang());
}

/** The translator of a page's `meta` function, which cannot use hooks. */
export function metaT(matches: MetaArgs["matches"]): Translator {
  const root = matches.find((match) => match.id === "root")?.data as RootData | undefined;
  return translator(root?.lang ?? "ko");
}

/** A page's <title>: what the page is, then the service's name. */
export function pageTitle(matches: MetaArgs["matches"], key: TitleKey): { title: string }[] {
  const t = metaT(matches);
  return [{ title: `${t(key)} — ${t("appName")}` }];
}
type TitleKey =
  | "signIn"
  | "passwordChangeTitle"
  | "inquiryFormTitle"
  | "inquiryStatusTitle"
  | "inquiryInbox"
  | "matchTitle"
  | "myAccount"
  | "adminUsers"
  | "councilWorkspace"
  | "auditTrail"
  | "importCsv"
  | "newFacility"
  | "notFoundTitle"
  | "forbiddenTitle"
  | "errorTitle";
