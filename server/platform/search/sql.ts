import { sql } from 'drizzle-orm';

/** `array[$1, $2, …]::text[]`: values the planner sees one by one, so that it can weigh each key by its statistics. */
export const textArray = (values: string[]) => sql`array[${sql.join(
  values.map((v) => sql`${v}`),
  sql`, `,
)}]::text[]`;
