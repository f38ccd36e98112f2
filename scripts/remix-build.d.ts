/** The Remix build as a module of the server build: the Remix Vite plugin provides it to the process entry (scripts/start.ts). */
declare module "virtual:remix/server-build" {
  import type { ServerBuild } from "@remix-run/node";
  const build: ServerBuild;
  export = build;
}
