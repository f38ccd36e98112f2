import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
export { freePort } from "../../scripts/harness/app";

/** One `npm start` process of the app, as an operator runs it (started with node directly, so its PID is the server's). */
export interface AppProcess {
  name: string;
  port: number;
  child: ChildProcess;
  output(): string;
  base: string;
}

/** Starts `npm start`'s launcher with exactly `env` (plus the listening address): the caller decides what the process inherits. */
export function startApp(name: string, env: Record<string, string>, port: number): AppProcess {
  const child = spawn(process.execPath, [path.resolve("scripts/start.mjs")], {
    // No API rate limit: the fault tests poll one address in tight loops, and a 429 there would hide the 200/503 they watch for.
    env: {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      WEB_CONCURRENCY: "1",
      SHUTDOWN_GRACE_MS: "3000",
      API_RATE_LIMIT: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  return { name, port, child, output: () => log, base: `http://127.0.0.1:${port}` };
}

/** GET that reports a refused or reset connection as status 0 instead of throwing. */
export async function status(url: string): Promise<number> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | false>,
  timeoutMs: number,
  everyMs = 100,
): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== null && value !== false) return { value, ms: Date.now() - started };
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export async function waitHealthy(app: AppProcess, timeoutMs = 90_000): Promise<number> {
  const { ms } = await waitFor(
    `${app.name} healthy`,
    async () => {
      if (app.child.exitCode !== null) throw new Error(`${app.name} exited (${app.child.exitCode}):\n${app.output()}`);
      return (await status(`${app.base}/healthz`)) === 200;
    },
    timeoutMs,
    200,
  );
  return ms;
}

export async function exited(child: ChildProcess, timeoutMs = 20_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("process did not exit")), timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

export async function stopApp(app: AppProcess): Promise<void> {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return;
  app.child.kill("SIGTERM");
  await exited(app.child).catch(() => app.child.kill("SIGKILL"));
}

/** A signed-in browser session against one process: cookie jar of one cookie, same-origin POSTs. */
export class Browser {
  cookie = "";
  constructor(private readonly base: string) {}

  at(base: string): Browser {
    const other = new Browser(base);
    other.cookie = this.cookie;
    return other;
  }

  async get(pathname: string): Promise<{ status: number; text: string }> {
    const response = await fetch(this.base + pathname, { headers: { Cookie: this.cookie }, redirect: "manual" });
    return { status: response.status, text: await response.text() };
  }

  async post(
    pathname: string,
    body: FormData | URLSearchParams,
  ): Promise<{ status: number; location: string | null; text: string }> {
    const response = await fetch(this.base + pathname, {
      method: "POST",
      body,
      headers: { Cookie: this.cookie, Origin: this.base },
      redirect: "manual",
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0] ?? "";
    return { status: response.status, location: response.headers.get("location"), text: await response.text() };
  }

  async signIn(email: string, password: string): Promise<void> {
    const answer = await this.post("/login", new URLSearchParams({ email, password, redirectTo: "/council" }));
    if (answer.status !== 302 || !this.cookie)
      throw new Error(`sign-in failed: ${answer.status} ${answer.text.slice(0, 200)}`);
  }

  /** The hidden field of a page's form. */
  async field(pathname: string, name: string): Promise<string> {
    const page = await this.get(pathname);
    const match = new RegExp(`name="${name}" value="([^"]+)"`).exec(page.text);
    if (!match?.[1]) throw new Error(`no ${name} field on ${pathname} (${page.status})`);
    return match[1].replace(/&amp;/g, "&");
  }
}
