import { transactionOf, type RequestContext } from '@danvan/core';

/**
 * The `data_load` record of the data sets loaded once (demo data …), so a restart never loads them twice.
 * Both take the loader's transactional context: the set and its record commit together or not at all.
 */
export async function isDataLoaded(tx: RequestContext, name: string): Promise<boolean> {
  const rows = (await transactionOf(tx, 'isDataLoaded').query(`SELECT 1 FROM data_load WHERE name = $1`, [name])) as unknown[];
  return rows.length > 0;
}

/** Records that the data set `name` is loaded, inside the transaction that loaded it. */
export async function recordDataLoad(tx: RequestContext, name: string): Promise<void> {
  await transactionOf(tx, 'recordDataLoad').query(`INSERT INTO data_load (name) VALUES ($1)`, [name]);
}
