import readline from "node:readline";
import { prepareDatabase } from "../db/setup";
import { AccountError, createUser, DuplicateEmailError } from "../app/auth/accounts.server";
import { parseOptions, runWithDatabase } from "./cli";

const USAGE =
  "Usage: npm run user:create -- --email someone@example.kr --role admin|official|council_editor|council_reviewer [--region 27]\n" +
  "The password is read from USER_PASSWORD when set, otherwise asked for (not echoed).";

/** Asks for a password on the terminal without echoing it. */
async function askPassword(prompt: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (text: string) => void };
  let prompted = false;
  output._writeToOutput = (text: string) => {
    if (!prompted) {
      process.stdout.write(text);
      prompted = true;
    }
  };
  const answer = await new Promise<string>((resolve) => rl.question(prompt, resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}

await runWithDatabase(async ({ db }) => {
  const { options } = parseOptions(process.argv.slice(2));
  const email = options.get("email");
  const role = options.get("role");
  if (!email || !role) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const password =
    process.env.USER_PASSWORD ?? (process.stdin.isTTY ? await askPassword("Password (12 characters or more): ") : "");
  await prepareDatabase(db);
  try {
    const user = await createUser(db, { email, password, role, regionCode: options.get("region") ?? null });
    console.log(`Created ${user.role} ${user.email}${user.regionCode ? ` for region ${user.regionCode}` : ""}.`);
  } catch (error) {
    if (error instanceof AccountError || error instanceof DuplicateEmailError) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
});
