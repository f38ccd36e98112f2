import { t, type Lang } from "~/i18n";

/**
 * Answers given outside Remix (the request edge, the outage guard) still reach people
 * whose browser posted a form without JavaScript: they get a small page in their
 * language, the API and Remix's data requests get the JSON error body.
 */
export function wantsJson(pathname: string, accept: string): boolean {
  if (pathname.startsWith("/api/") || /\.(json|geojson|csv|data)$/.test(pathname)) return true;
  return !accept.includes("text/html");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A self-contained page (no script, no stylesheet) with a title, the reasons and a way back. */
export function plainPage(lang: Lang, page: { title: string; lines: readonly string[]; testId: string }): string {
  const lines = page.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("");
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(page.title)} · ${escapeHtml(t(lang, "appName"))}</title></head>
<body><main class="page" data-testid="${page.testId}"><h1>${escapeHtml(page.title)}</h1>${lines}<p><a href="/?lang=${lang}">${escapeHtml(t(lang, "backToMap"))}</a></p></main></body></html>`;
}
