import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { DataDirLockedError, lockDataDir } from "../../db/pglite-lock";

const WRITER = path.resolve("test/integration/helpers/pglite-writer.ts");
const TSX = ["--import", "tsx"];
const dirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clusterlink-owner-"));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The PID of a process that has exited, for a stale lock. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
  return Number(child.stdout.trim());
}

describe("one owner per PGlite directory", () => {
  it("refuses a second opener in another process, naming the owner's PID and what to do", async () => {
    const dataDir = tempDir();
    const database = await openDatabase({ dataDir });
    try {
      const second = spawnSync(process.execPath, [...TSX, WRITER, dataDir, "--once"], {
        encoding: "utf8",
        env: { ...process.env, npm_lifecycle_event: "user:create" },
      });
      expect(second.status).toBe(3);
      expect(second.stdout).not.toContain("opened");
      expect(second.stderr).toContain(`in use by process ${process.pid}`);
      expect(second.stderr).toContain(`kill -TERM ${process.pid}`);
      expect(second.stderr).toContain("DATABASE_URL");
      expect(JSON.parse(fs.readFileSync(path.join(dataDir, "owner.lock"), "utf8")).pid).toBe(process.pid);
    } finally {
      await database.close();
    }
    expect(fs.existsSync(path.join(dataDir, "owner.lock"))).toBe(false);
    const after = spawnSync(process.execPath, [...TSX, WRITER, dataDir, "--once"], { encoding: "utf8" });
    expect(after.stdout.trim()).toBe("opened");
  });

  it("takes over the lock of a process that no longer runs, and refuses while one does", () => {
    const dataDir = tempDir();
    const dead = deadPid();
    fs.writeFileSync(
      path.join(dataDir, "owner.lock"),
      JSON.stringify({ pid: dead, startTicks: 1, command: "npm run start", since: "2026-01-01T00:00:00.000Z" }),
    );
    const lock = lockDataDir(dataDir, "test");
    expect(lock.tookOverFrom).toBe(dead);
    expect(JSON.parse(fs.readFileSync(lock.file, "utf8"))).toMatchObject({ pid: process.pid, command: "test" });
    lock.release();

    // A live process (this test's parent) holding the lock is never taken over.
    fs.writeFileSync(
      path.join(dataDir, "owner.lock"),
      JSON.stringify({ pid: process.ppid, startTicks: null, command: "npm run start", since: "now" }),
    );
    expect(() => lockDataDir(dataDir, "test")).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dataDir, "test")).toThrow(`in use by process ${process.ppid} (npm run start`);
  });

  it("after kill -9 in the middle of writes, the next open finds every committed transaction whole", async () => {
    const dataDir = tempDir();
    const writer = spawn(process.execPath, [...TSX, WRITER, dataDir], { stdio: ["ignore", "pipe", "pipe"] });
    let lastCommitted = 0;
    let stderr = "";
    writer.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      writer.stdout.on("data", (chunk: Buffer) => {
        for (const match of chunk.toString().matchAll(/committed (\d+)/g)) lastCommitted = Number(match[1]);
        if (lastCommitted >= 30) resolve();
      });
      writer.once("exit", () => reject(new Error(`writer exited early: ${stderr}`)));
    });
    writer.kill("SIGKILL");
    await new Promise((resolve) => writer.once("exit", resolve));
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, "owner.lock"), "utf8")).pid).toBe(writer.pid);

    const messages: string[] = [];
    const database = await openDatabase({ dataDir, log: (message) => messages.push(message) });
    try {
      expect(messages.join("\n")).toContain(`from process ${writer.pid}`);
      const { rows } = await sql<{ batches: number; rows: number; partial: number }>`
        select count(distinct batch)::int as batches, count(*)::int as rows,
               (select count(*)::int from (select batch from crash_probe group by batch having count(*) <> 10) p) as partial
        from crash_probe`.execute(database.db);
      expect(rows[0]!.partial).toBe(0);
      expect(rows[0]!.rows).toBe(rows[0]!.batches * 10);
      // Every transaction the writer reported as committed survived; at most the one in flight is missing.
      expect(rows[0]!.batches).toBeGreaterThanOrEqual(lastCommitted);
      await sql`insert into crash_probe values (0, 0, 'after restart')`.execute(database.db);
    } finally {
      await database.close();
    }
  });
});
