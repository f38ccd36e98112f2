import { openDatabase, type DatabaseHandle } from "../db/client";
import { MigrationError } from "../db/migrate";
import { DataDirLockedError } from "../db/pglite-lock";
import { CatalogError } from "../db/seed/catalog";
import { ConfigError, loadConfig, type AppConfig } from "../app/config.server";
import { required } from "../app/required";

/** Errors whose message is the whole story for the person at the terminal. */
const EXPLAINED = [ConfigError, CatalogError, MigrationError, DataDirLockedError];

/** Runs a command-line task with the app's configuration and database, and reports failures plainly. */
export async function runWithDatabase(
  task: (database: DatabaseHandle, config: AppConfig) => Promise<void>,
): Promise<void> {
  let database: DatabaseHandle | null = null;
  try {
    const config = loadConfig();
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await task(database, config);
  } catch (error) {
    if (EXPLAINED.some((kind) => error instanceof kind)) console.error((error as Error).message);
    else console.error(error);
    process.exitCode = 1;
  } finally {
    await database?.close();
  }
}

/** A one-line progress bar on a terminal, occasional lines otherwise. */
export function progressBar(label: string): (done: number, total: number) => void {
  let lastPrinted = -1;
  return (done, total) => {
    const ratio = total === 0 ? 1 : done / total;
    const percent = Math.floor(ratio * 100);
    if (process.stdout.isTTY) {
      const width = 30;
      const filled = Math.round(ratio * width);
      process.stdout.write(
        `\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${percent}% (${done}/${total})`,
      );
      if (done >= total) process.stdout.write("\n");
    } else if (percent >= lastPrinted + 10 || done >= total) {
      lastPrinted = percent;
      console.log(`${label} ${percent}% (${done}/${total})`);
    }
  };
}

/** `--name value` options after `npm run x --`. */
export function parseOptions(argv: string[]): { options: Map<string, string>; positional: string[] } {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = required(argv[i], "a command-line argument");
    const next = argv[i + 1];
    if (arg.startsWith("--")) {
      const [name = "", inline] = arg.slice(2).split("=", 2);
      if (inline !== undefined) options.set(name, inline);
      else if (next !== undefined && !next.startsWith("--")) {
        options.set(name, next);
        i++;
      } else options.set(name, "true");
    } else positional.push(arg);
  }
  return { options, positional };
}
