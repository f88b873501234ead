import { sql } from 'drizzle-orm';

/**
 * `array[$1, $2, …]::<type>[]`: one parameter per value (drizzle would otherwise spread a JS array into a
 * list), so that the planner sees each value — and can weigh each search key by its statistics.
 */
export const sqlArray = (values: unknown[], type: 'text' | 'int' | 'jsonb' | 'uuid') => sql`array[${sql.join(
  values.map((v) => sql`${v}`),
  sql`, `,
)}]::${sql.raw(type)}[]`;

/**
 * `'a', 'b'`: constant strings written into the statement, for what cannot take parameters (a partial index's
 * predicate). Only for values from the code (enumerations), never from input.
 */
export const sqlLiterals = (values: readonly string[]) => sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', '));
