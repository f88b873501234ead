import { Type, type TSchema } from '@sinclair/typebox';
import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../auth/context.js';
import { AppError } from '../errors/app-error.js';
import { describeError } from '../errors/error-handler.js';
import { Uuid } from '../http/schemas.js';

/** Most items one bulk call takes. */
export const BULK_MAX = 1000;

export const BulkResultsSchema = Type.Object({
  succeeded: Type.Integer(),
  failed: Type.Integer(),
  results: Type.Array(
    Type.Object({
      index: Type.Integer({ description: 'Position of the item in the request.' }),
      status: Type.Integer({ description: 'What the single call would have answered: 200/201, or 4xx.' }),
      id: Type.Optional(Uuid),
      code: Type.Optional(Type.String()),
      message: Type.Optional(Type.String()),
      errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() }))),
    }),
  ),
});

export const bulkBody = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item, { minItems: 1, maxItems: BULK_MAX }) }, { additionalProperties: false });

/**
 * Runs `fn` on each item in its own savepoint of one transaction: a refused item fails alone (with the
 * status, code and translated field errors the single call would have given) while the others commit.
 */
export async function runBulk<T>(tx: Tx, ctx: RequestContext, items: T[], okStatus: number, fn: (tx: Tx, item: T) => Promise<{ id: string }>) {
  const results = [];
  for (const [index, item] of items.entries()) {
    try {
      const { id } = await tx.transaction((row) => fn(row as Tx, item));
      results.push({ index, status: okStatus, id });
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      const { message, errors } = describeError(err, ctx.locale);
      results.push({ index, status: err.status, code: err.code, message, ...(errors.length ? { errors: errors.map((e) => ({ ...e, field: `items.${index}.${e.field}` })) } : {}) });
    }
  }
  const succeeded = results.filter((r) => r.status < 400).length;
  return { succeeded, failed: results.length - succeeded, results };
}
