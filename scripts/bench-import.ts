import os from "node:os";
import iconv from "iconv-lite";
import { createUser } from "../app/auth/accounts.server";
import { loadConfig } from "../app/config.server";
import { checkImportFile, findJob, startImport, waitForJob } from "../app/council/import.server";
import { decodeCsvBytes, parseCsvText } from "../app/csv";
import { createServices } from "../app/services.server";
import { loadAverage, verdict } from "./bench/stats";
import { parseOptions, progressBar } from "./cli";

/**
 * Measures a council CSV import end to end on a fresh in-memory database:
 * parsing alone (the baseline), the check (decode, parse, validate, match
 * external ids), and the commit (drafts and audit entries in one transaction),
 * then the same file again (every row unchanged). Targets: check + commit
 * within TARGET_RATIO times the parse baseline, progress reported along the
 * way, every row stored once, and the re-import changing nothing.
 */
const TARGET_RATIO = 20;
const MIN_PROGRESS_STEPS = 5;
const { options } = parseOptions(process.argv.slice(2));
const ROWS = Number(options.get("rows") ?? 10_000);
const ENCODING = options.get("encoding") === "cp949" ? "cp949" : "utf-8";

const HEADER =
  "external_id,kind,name_ko,name_en,lat,lng,coord_precision,industries,services,url,phone,address_ko,location_note,source";
function row(i: number): string {
  const lat = (35.8 + (i % 100) * 0.001).toFixed(4);
  const lng = (128.55 + Math.floor(i / 100) * 0.001).toFixed(4);
  return [
    `bench-${i}`,
    i % 3 === 0 ? "business_incubator" : "innovation_center",
    `대구 벤치마크 보육센터 ${i}호`,
    `Daegu Benchmark Incubator No. ${i}`,
    lat,
    lng,
    "sigungu",
    "26;58",
    "startup_incubation;networking",
    `https://bench.example.kr/${i}`,
    "053-000-0000",
    `"대구광역시 북구 벤치로 ${i}"`,
    `"측정용 행, 쉼표 포함"`,
    "벤치마크",
  ].join(",");
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const text = [HEADER, ...Array.from({ length: ROWS }, (_, i) => row(i))].join("\r\n");
const bytes =
  ENCODING === "cp949" ? new Uint8Array(iconv.encode(text, "cp949")) : new Uint8Array(Buffer.from(text, "utf8"));
console.log(`${ROWS} rows, ${(bytes.length / 1024 / 1024).toFixed(2)} MB, ${ENCODING}`);

const config = {
  ...loadConfig({ ...process.env, DATABASE_URL: "", DATA_DIR: "memory://" }),
  dataDir: "memory://",
  databaseUrl: undefined,
};
const services = await createServices(config, { startSync: false });
try {
  const account = await createUser(services.database.db, {
    email: "bench@example.kr",
    password: "benchmark password",
    role: "council_editor",
    regionCode: "27",
  });
  const actor = { id: account.id, email: account.email, role: account.role, regionCode: account.regionCode };

  // One untimed pass first, so the baseline is not the run that warms up the JIT.
  const parseFile = () => {
    const decoded = decodeCsvBytes(bytes);
    return decoded.ok ? parseCsvText(decoded.text) : null;
  };
  parseFile();
  let started = process.hrtime.bigint();
  const parsed = parseFile();
  const parseSeconds = seconds(started);
  if (!parsed?.ok) throw new Error("the generated file does not parse");

  const checkFile = async () =>
    (await checkImportFile(services, actor, { regionCode: "27", type: "facility", bytes, fileName: "bench.csv" }))!;
  const start = async (planId: string) => {
    const outcome = await startImport(services, actor, planId, "27");
    if (outcome.kind !== "started") throw new Error(`import did not start: ${outcome.kind}`);
    return outcome.job;
  };

  started = process.hrtime.bigint();
  const plan = await checkFile();
  const checkSeconds = seconds(started);
  if (plan.check.problems.length > 0 || plan.check.fileProblems.length > 0)
    throw new Error(`the generated file has problems: ${JSON.stringify(plan.check.problems.slice(0, 3))}`);

  started = process.hrtime.bigint();
  const show = progressBar("commit");
  const progressSeen = new Set<number>();
  let job = await start(plan.id);
  while (job.state === "running") {
    progressSeen.add(job.done);
    if (job.done < job.total) show(job.done, job.total);
    await new Promise((resolve) => setTimeout(resolve, 100));
    job = (await findJob(services, actor, job.id))!;
  }
  show(job.done, job.total);
  const commitSeconds = seconds(started);
  if (job.state !== "done") throw new Error(`import failed: ${job.error}`);

  started = process.hrtime.bigint();
  const again = await checkFile();
  const rerun = await waitForJob(services, actor, (await start(again.id)).id);
  const rerunSeconds = seconds(started);

  const drafts = await services.database.db
    .selectFrom("listing_drafts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const audit = await services.database.db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const rate = (s: number) => Math.round(ROWS / s).toLocaleString("en-US");
  console.log("");
  console.log(`Import benchmark: PGlite in memory; ${os.cpus().length} CPUs, load average ${loadAverage()} at the end`);
  console.log(`parse only (baseline)        ${parseSeconds.toFixed(2)} s  ${rate(parseSeconds)} rows/s`);
  console.log(
    `check (validate + match)     ${checkSeconds.toFixed(2)} s  ${rate(checkSeconds)} rows/s  ×${(checkSeconds / parseSeconds).toFixed(1)} parse`,
  );
  console.log(
    `commit (drafts + audit)      ${commitSeconds.toFixed(2)} s  ${rate(commitSeconds)} rows/s  ×${(commitSeconds / parseSeconds).toFixed(1)} parse`,
  );
  console.log(
    `check + commit               ${(checkSeconds + commitSeconds).toFixed(2)} s  ${rate(checkSeconds + commitSeconds)} rows/s`,
  );
  console.log(`same file again (unchanged)  ${rerunSeconds.toFixed(2)} s  ${JSON.stringify(rerun.summary)}`);
  console.log(`stored: ${Number(drafts.n)} drafts, ${Number(audit.n)} audit entries`);
  const ratio = (checkSeconds + commitSeconds) / parseSeconds;
  const checks: [boolean, string][] = [
    [ratio <= TARGET_RATIO, `check + commit ${ratio.toFixed(1)}× parse ≤ ${TARGET_RATIO}×`],
    [
      progressSeen.size >= MIN_PROGRESS_STEPS,
      `progress reported at ${progressSeen.size} distinct counts while committing (≥ ${MIN_PROGRESS_STEPS})`,
    ],
    [
      Number(drafts.n) === ROWS && Number(audit.n) === ROWS,
      `every row stored once (${Number(drafts.n)} drafts, ${Number(audit.n)} audit entries)`,
    ],
    [rerun.summary?.unchanged === ROWS, "importing the same file again changes nothing"],
  ];
  for (const [pass, label] of checks) console.log(`${verdict(pass)}  ${label}`);
  if (checks.some(([pass]) => !pass)) process.exitCode = 1;
} finally {
  await services.close();
}
