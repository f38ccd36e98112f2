import { listRegions } from "../../db/queries/regions";
import { disableUser, findUserById, listUsers } from "../../db/queries/users";
import type { Services } from "~/services.server";

/** /admin/users: every account, and the regions a council account can be given. */
export async function loadUserAdmin(services: Services) {
  const db = services.database.db;
  const [users, regions] = await Promise.all([listUsers(db), listRegions(db)]);
  return {
    users: users.map((u) => ({
      ...u,
      createdAt: u.createdAt.toISOString(),
      disabledAt: u.disabledAt?.toISOString() ?? null,
    })),
    regions: regions.map((r) => ({ code: r.code, nameKo: r.nameKoShort, nameEn: r.nameEn })),
  };
}

/** Disables the account and ends its sessions. */
export async function disableAccount(services: Services, id: string): Promise<void> {
  await disableUser(services.database.db, id);
}

/** The account's email, or "" when there is no such account. */
export async function accountEmail(services: Services, id: string): Promise<string> {
  return (await findUserById(services.database.db, id))?.email ?? "";
}
