import { required } from "../required";

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
        const url = required(web[1], "the address of a web source");
        try {
          const host = new URL(url).hostname.replace(/^(www|m)\./, "");
          return { label: web[2] ? `${host} — ${web[2]}` : host, url };
        } catch {
          return { label: part, url: null };
        }
      }
      const repo = /^github:([\w.-]+\/[\w.-]+)\s+(\S+)@([0-9a-f]{7,40})(?:\s+(.*))?$/.exec(part);
      if (repo) {
        const path = required(repo[2], "the path of a github source");
        return {
          label: `${repo[1]} ${path.split("/").pop()}${repo[4] ? ` ${repo[4]}` : ""}`,
          url: `https://github.com/${repo[1]}/blob/${repo[3]}/${path}`,
        };
      }
      return { label: part, url: null };
    });
}
