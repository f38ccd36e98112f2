import { nameOf, type Lang } from "~/i18n";

export interface RegionOption {
  code: string;
  nameKo: string;
  nameEn: string;
}

/** One `<option>` per region, named in the page's language, with an optional note after the name (a count). */
export function RegionOptions({
  regions,
  lang,
  note,
}: {
  regions: readonly RegionOption[];
  lang: Lang;
  note?: (code: string) => string;
}) {
  return (
    <>
      {regions.map((r) => (
        <option key={r.code} value={r.code}>
          {nameOf(lang, r)}
          {note?.(r.code)}
        </option>
      ))}
    </>
  );
}
