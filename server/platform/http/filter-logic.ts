import { and, not, or, type SQL } from 'drizzle-orm';
import { AppError, because, type Reason } from '../errors/app-error.js';

/**
 * Filter logic as list views in mature CRMs write it: the filters are numbered from 1 in the order given, and
 * an expression combines them — `1 AND (2 OR 3)`, `NOT 4`, `1 OR 2`. Without logic, every filter must hold.
 *
 * Grammar (case-insensitive keywords): expr = term { OR term }; term = factor { AND factor };
 * factor = NOT factor | number | "(" expr ")". Every filter must be used at least once, so that no condition
 * the user set up is silently ignored.
 */
export const FILTER_LOGIC_MAX_LENGTH = 300;
const MAX_DEPTH = 10;

type Token = { kind: 'num'; value: number } | { kind: 'and' | 'or' | 'not' | '(' | ')' };

const logicError = (logic: string, reason: Reason) => new AppError('INVALID_FILTER_LOGIC', 400, { logic, reason });

function tokenize(logic: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+)|(AND|OR|NOT)\b|([()]))/iy;
  let at = 0;
  while (at < logic.length) {
    if (/^\s*$/.test(logic.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(logic);
    if (!m) throw logicError(logic, because('logicUnexpected', { text: logic.slice(at).trim().slice(0, 10), position: at + 1 }));
    if (m[1]) tokens.push({ kind: 'num', value: Number(m[1]) });
    else if (m[2]) tokens.push({ kind: m[2].toLowerCase() as 'and' | 'or' | 'not' });
    else tokens.push({ kind: m[3] as '(' | ')' });
    at = re.lastIndex;
  }
  return tokens;
}

/** Combines `terms` (filter 1 is terms[0]) as `logic` says. */
export function combineByLogic(logic: string, terms: SQL[]): SQL {
  const tokens = tokenize(logic);
  if (tokens.length === 0) throw logicError(logic, because('logicEmpty'));
  const used = new Set<number>();
  let pos = 0;
  const peek = () => tokens[pos];
  const expect = (reasonKeyIfMissing: string): Token => {
    const token = tokens[pos++];
    if (!token) throw logicError(logic, because(reasonKeyIfMissing));
    return token;
  };

  const expr = (depth: number): SQL => {
    const parts = [term(depth)];
    while (peek()?.kind === 'or') {
      pos++;
      parts.push(term(depth));
    }
    return parts.length === 1 ? parts[0]! : or(...parts)!;
  };
  const term = (depth: number): SQL => {
    const parts = [factor(depth)];
    while (peek()?.kind === 'and') {
      pos++;
      parts.push(factor(depth));
    }
    return parts.length === 1 ? parts[0]! : and(...parts)!;
  };
  const factor = (depth: number): SQL => {
    if (depth > MAX_DEPTH) throw logicError(logic, because('logicTooDeep', { max: MAX_DEPTH }));
    const token = expect('logicEndsBeforeNumber');
    switch (token.kind) {
      case 'not':
        return not(factor(depth + 1));
      case '(': {
        const inner = expr(depth + 1);
        if (expect('logicUnclosed').kind !== ')') throw logicError(logic, because('logicUnclosed'));
        return inner;
      }
      case 'num': {
        const sql = terms[token.value - 1];
        if (!sql) throw logicError(logic, because('logicNoSuchFilter', { number: token.value, count: terms.length }));
        used.add(token.value);
        return sql;
      }
      default:
        throw logicError(logic, because('logicNumberExpected', { token: describe(token) }));
    }
  };

  const combined = expr(0);
  if (pos < tokens.length) throw logicError(logic, because('logicTrailing', { token: describe(tokens[pos]!) }));
  const unused = terms.map((_, i) => i + 1).filter((n) => !used.has(n));
  if (unused.length) throw logicError(logic, because('logicUnused', { numbers: unused.join(', ') }));
  return combined;
}

const describe = (token: Token) => (token.kind === 'num' ? String(token.value) : token.kind.toUpperCase());
