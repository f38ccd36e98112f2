import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema";

/**
 * The frame of a locked write (app/council/listings.server.ts is the model): the work runs in one
 * transaction and its value comes back as `{ kind: "ok", value }`, or the work calls
 * `abort(failure)`, which rolls everything back and answers with that failure (not found,
 * forbidden, invalid, a conflict). Each feature binds its own failure union, so every abort is
 * checked against the outcomes the feature declares.
 */
export function outcomeTransactions<Failure>() {
  class Abort {
    constructor(readonly failure: Failure) {}
  }
  const inTransaction = async <T>(
    db: Kysely<Database>,
    work: (trx: Transaction<Database>) => Promise<T>,
  ): Promise<{ kind: "ok"; value: T } | Failure> => {
    try {
      return { kind: "ok", value: await db.transaction().execute(work) };
    } catch (error) {
      if (error instanceof Abort) return error.failure;
      throw error;
    }
  };
  const abort = (failure: Failure): never => {
    throw new Abort(failure);
  };
  return { inTransaction, abort };
}
