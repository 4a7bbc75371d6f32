import type { DB } from "./database.ts";

/** The SQL of the operator's database commands, which look at the database as a whole. */

/** Whether anyone has an account yet: the demo data goes only into a database that is empty. */
export async function holdsUsers(db: DB): Promise<boolean> {
  const rows = await db.selectFrom("users").select("id").limit(1).execute();
  return rows.length > 0;
}
