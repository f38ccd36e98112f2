import { t } from "~/i18n";
import type { Lang } from "~/i18n";
import type { MatchResponse } from "~/match/service.server";

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * An Atom feed of a profile's calls it can apply for now (open, closing soon, rolling), newest
 * window first, each entry linking to the program page with the profile, so a feed reader or a
 * mail-to-feed service can follow new calls without an account.
 */
export function atomFeed(
  result: MatchResponse,
  options: { origin: string; profileQuery: string; lang: Lang; updated: string },
): string {
  const calls = result.programs
    .filter(
      (p) =>
        p.window !== null &&
        p.window !== undefined &&
        (p.status === "open" || p.status === "closing_soon" || p.status === "rolling"),
    )
    .sort((a, b) => (b.window?.start ?? "").localeCompare(a.window?.start ?? "") || a.id.localeCompare(b.id));
  const self = `${options.origin}/programs/feed.atom?${options.profileQuery}`;
  const entries = calls.map((call) => {
    const link = `${options.origin}/programs/${encodeURIComponent(call.id)}?${options.profileQuery}&program=${encodeURIComponent(call.id)}`;
    const window = call.window ? `${call.window.start ?? ""} ~ ${call.window.end ?? ""}` : "";
    const reasons = call.reasons.map((r) => r[options.lang]).join("\n");
    const updated = `${call.window?.start ?? options.updated.slice(0, 10)}T00:00:00+09:00`;
    return `  <entry>
    <id>${escape(`${options.origin}/programs/${encodeURIComponent(call.id)}`)}</id>
    <title>${escape(call.nameKo)}</title>
    <link rel="alternate" type="text/html" href="${escape(link)}"/>
    <updated>${updated}</updated>
    <summary>${escape(`${window}\n${reasons}`)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escape(self)}</id>
  <title>${escape(t(options.lang, "programs.feed.title"))}</title>
  <link rel="self" type="application/atom+xml" href="${escape(self)}"/>
  <updated>${options.updated}</updated>
${entries.join("\n")}
</feed>
`;
}
