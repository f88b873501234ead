import { sql } from 'drizzle-orm';
import { makePgArray } from 'drizzle-orm/pg-core';

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

/**
 * `$1::<type>[]`: a whole list in one parameter, as an array literal. For long lists compared through a btree
 * index or unnested (an import batch's 500 e-mails, its row outcomes), where `sqlArray`'s parameter per value
 * costs more to bind than the lookup itself.
 */
export const sqlArrayLiteral = (values: (string | number | null)[], type: 'text' | 'int' | 'jsonb' | 'uuid') => sql`${makePgArray(values)}::${sql.raw(type)}[]`;
