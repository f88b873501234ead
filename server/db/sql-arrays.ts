import { sql } from 'drizzle-orm';

/**
 * `array[$1, $2, …]::<type>[]`: one parameter per value (drizzle would otherwise spread a JS array into a
 * list), so that the planner sees each value — and can weigh each search key by its statistics.
 */
export const sqlArray = (values: unknown[], type: 'text' | 'int' | 'jsonb' | 'uuid') => sql`array[${sql.join(
  values.map((v) => sql`${v}`),
  sql`, `,
)}]::${sql.raw(type)}[]`;
