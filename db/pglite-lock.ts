import fs from "node:fs";
import path from "node:path";

/**
 * PGlite is one process's database: a second opener of the same directory sees
 * none of the first one's writes, and whichever closes last overwrites the
 * other. The opener therefore holds a lock file naming its PID; a lock left by
 * a process that no longer runs (kill -9, a crash) is taken over.
 */

export interface LockOwner {
  pid: number;
  /** The owner's start time in clock ticks since boot (Linux), so a reused PID is not mistaken for the owner. */
  startTicks: number | null;
  command: string;
  since: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      [
        `The embedded database in ${dataDir} is in use by process ${owner.pid} (${owner.command}, since ${owner.since}).`,
        "PGlite allows one process per data directory: a second one would not see the first one's writes and could lose them.",
        `Stop that process first (kill -TERM ${owner.pid}, or Ctrl+C where it runs), or do the task through the running app (the workspace pages),`,
        "or point both at a PostgreSQL server with DATABASE_URL.",
      ].join("\n"),
    );
    this.name = "DataDirLockedError";
  }
}

function startTicksOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22 (starttime) counts from after the command name, which may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[19]);
  } catch {
    return null;
  }
}

function isRunning(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const ticks = startTicksOf(owner.pid);
  return owner.startTicks === null || ticks === null || ticks === owner.startTicks;
}

function readOwner(file: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<LockOwner>;
    return typeof parsed.pid === "number"
      ? {
          pid: parsed.pid,
          startTicks: parsed.startTicks ?? null,
          command: parsed.command ?? "unknown",
          since: parsed.since ?? "unknown",
        }
      : null;
  } catch {
    return null;
  }
}

export interface DataDirLock {
  file: string;
  /** True when the lock was taken over from a process that had died. */
  tookOverFrom: number | null;
  release(): void;
}

/** Takes the lock on a PGlite directory or throws DataDirLockedError naming the owner. */
export function lockDataDir(dataDir: string, command = describeCommand()): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "owner.lock");
  const mine: LockOwner = {
    pid: process.pid,
    startTicks: startTicksOf(process.pid),
    command,
    since: new Date().toISOString(),
  };
  const draft = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(draft, JSON.stringify(mine));
  let tookOverFrom: number | null = null;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        // link() fails when the name exists, so exactly one opener creates the lock.
        fs.linkSync(draft, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 5) throw error;
      }
      const owner = readOwner(file);
      if (owner && owner.pid === process.pid) break;
      if (owner && isRunning(owner)) throw new DataDirLockedError(dataDir, owner);
      // A dead owner's lock (or an unreadable one, from a crash while writing it): move it aside
      // atomically; if another opener got there first, the next link attempt sees its lock.
      const aside = `${file}.stale.${process.pid}`;
      try {
        fs.renameSync(file, aside);
        const moved = readOwner(aside);
        if (moved && moved.pid !== owner?.pid && isRunning(moved)) {
          // Between reading and moving, another opener replaced the stale lock with its own: put it back.
          try {
            fs.linkSync(aside, file);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
          }
        } else tookOverFrom = owner?.pid ?? null;
        fs.rmSync(aside, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
  } finally {
    fs.rmSync(draft, { force: true });
  }

  const releaseOnExit = () => release();
  function release(): void {
    process.removeListener("exit", releaseOnExit);
    if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  }
  process.on("exit", releaseOnExit);
  return { file, tookOverFrom, release };
}

function describeCommand(): string {
  const script = process.env.npm_lifecycle_event;
  return script
    ? `npm run ${script}`
    : process.argv
        .slice(1, 3)
        .map((arg) => path.basename(arg))
        .join(" ");
}
