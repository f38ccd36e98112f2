import type { Attachment } from "./types";

const ENTITIES: Record<string, string> = {
  nbsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  middot: "·",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
};

/**
 * Bizinfo's `bsnsSumryCn` is HTML. The platform keeps only its text: block ends and `<br>` become
 * line breaks, every tag is dropped, entities are decoded once, and control characters go. The
 * result is shown as text, never as markup, so nothing in it can run.
 */
export function htmlToText(html: string | null): string {
  if (!html) return "";
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|h[1-6]|tr)\s*>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .replace(/\r\n?/g, "\n");
  return text
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter((line, index, lines) => line !== "" || (index > 0 && lines[index - 1] !== ""))
    .join("\n")
    .trim();
}

/** Plain text from a portal field: trimmed, runs of blanks and RSS padding folded, line breaks kept. */
export function plainText(value: string | null | undefined): string {
  if (!value) return "";
  return value
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

/** An http(s) address as given, or with `https://` when the portal left the scheme off (`ccei.creativekorea.or.kr/…`); null otherwise. */
export function officialUrl(value: string | null | undefined): string | null {
  const given = (value ?? "").trim();
  if (given === "" || /\s/.test(given)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(given)
    ? given
    : /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(given)
      ? `https://${given}`
      : null;
  if (!withScheme) return null;
  try {
    const url = new URL(withScheme);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Attachments joined with `@` in two parallel fields (`fileNm`, `flpthNm`); file names may carry
 * `+` for spaces. A name without a matching address keeps a null address.
 */
export function attachments(names: string | null, urls: string | null): Attachment[] {
  const nameList = (names ?? "")
    .split("@")
    .map((name) => name.trim())
    .filter(Boolean);
  const urlList = (urls ?? "").split("@").map((url) => url.trim());
  return nameList.map((name, index) => ({ name: name.replace(/\+/g, " "), url: officialUrl(urlList[index]) }));
}
