/** A source as a reader sees it: a link with a short label, or a named document. */
export interface Citation {
  label: string;
  url: string | null;
}

/**
 * Splits a source field (sources joined with " ; ") into citations: web
 * addresses become links labelled by their site, `github:owner/repo path@commit`
 * becomes a link to that file, anything else is a named document.
 */
export function parseCitations(source: string | null | undefined): Citation[] {
  if (!source) return [];
  return source
    .split(/\s;\s/)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const web = /^(https?:\/\/\S+)(?:\s+(.*))?$/.exec(part);
      if (web) {
        try {
          const host = new URL(web[1]).hostname.replace(/^(www|m)\./, "");
          return { label: web[2] ? `${host} — ${web[2]}` : host, url: web[1] };
        } catch {
          return { label: part, url: null };
        }
      }
      const repo = /^github:([\w.-]+\/[\w.-]+)\s+(\S+)@([0-9a-f]{7,40})(?:\s+(.*))?$/.exec(part);
      if (repo) return { label: `${repo[1]} ${repo[2].split("/").pop()}${repo[4] ? ` ${repo[4]}` : ""}`, url: `https://github.com/${repo[1]}/blob/${repo[3]}/${repo[2]}` };
      return { label: part, url: null };
    });
}
