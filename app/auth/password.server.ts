import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id (the library's default algorithm) with its default costs: 19 MiB,
 * two passes, one lane, the OWASP minimum for argon2id.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Checked against when the account does not exist, so that a wrong email
 * takes as long as a wrong password and does not reveal which accounts exist.
 */
let decoyHash: Promise<string> | null = null;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword("decoy password that no account has");
  await verifyPassword(await decoyHash, password);
  return false;
}
