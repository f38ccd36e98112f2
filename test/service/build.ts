import { ensureBuild } from "../integration/app-server";

/** Vitest global setup of the fault suite: the production build, up to date before any app process starts. */
export default function setup(): void {
  ensureBuild();
}
