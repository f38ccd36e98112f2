import { useRouteLoaderData } from "@remix-run/react";
import type { SessionUser } from "~/auth/user.server";
import type { Lang } from "~/i18n/lang";

/** What the root loader gives every page. */
export interface RootData {
  lang: Lang;
  user: SessionUser | null;
  csrfToken: string | null;
}

/** The root loader's data; undefined where it did not run (an error before it). */
export function useRootData(): RootData | undefined {
  return useRouteLoaderData<RootData>("root");
}

/** The signed-in user. */
export function useUser(): SessionUser | null {
  return useRootData()?.user ?? null;
}

/** The session's CSRF token, for hidden form fields. */
export function useCsrfToken(): string | null {
  return useRootData()?.csrfToken ?? null;
}
