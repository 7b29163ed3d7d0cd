/**
 * How many connections a process keeps open to a PostgreSQL server, unless DATABASE_POOL_SIZE says
 * otherwise. A server runs as many queries at once as it has cores; connections beyond that only take
 * turns on them, and with the service on the same machine they take its turns too. Queries go out in
 * batches of up to 8 to a connection (query-batch.ts), so a few connections keep a server busy. On the
 * 2-core benchmark machine, at 1x with 20 connections to the service and old and new servers taking
 * turns, 4 against 10 served 5-35% more pages a second on every page measured (a group, the plan, the
 * case reviews, the data pages, the API's one incident) and cut their p95 by 5-30%; 2 or 3 were no better
 * than 4 and worse on some pages.
 */
export const DEFAULT_POOL_SIZE = 4;
