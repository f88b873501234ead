import type { CustomFieldDefinition } from '../../platform/custom-fields/custom-fields.service.js';
import type { RowProblem } from './import-rows.js';

/** Import targets for custom fields: `custom.<key>`, recognized by their key and their labels. */
export function customTargets(defs: CustomFieldDefinition[]): Record<string, string[]> {
  return Object.fromEntries(defs.map((d) => [`custom.${d.key}`, [d.key, ...Object.values(d.label).filter((l): l is string => Boolean(l))]]));
}

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '对', '對', 'x', '✓']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '不是', '']);

/** A cell of a custom field's column as the value to write; the definitions' own checks run after. */
export function customCellValue(def: CustomFieldDefinition, cell: string): unknown | RowProblem {
  const field = `custom.${def.key}`;
  const choice = (text: string) => {
    const t = text.trim().toLowerCase();
    return def.options.choices?.find((c) => c.value.toLowerCase() === t || Object.values(c.label).some((l) => l?.toLowerCase() === t))?.value ?? text.trim();
  };
  switch (def.type) {
    case 'number': {
      const n = Number(cell.replace(/[,\s]/g, ''));
      return Number.isFinite(n) ? n : { field, code: 'type', params: { type: 'number' } };
    }
    case 'currency': {
      // Spreadsheets hold amounts in major units (12,345.60); we store minor units.
      const n = Number(cell.replace(/[,\s¥￥$€]/g, ''));
      return Number.isFinite(n) ? Math.round(n * 100) : { field, code: 'type', params: { type: 'number' } };
    }
    case 'boolean': {
      const t = cell.trim().toLowerCase();
      return TRUE.has(t) ? true : FALSE.has(t) ? false : { field, code: 'type', params: { type: 'boolean' } };
    }
    case 'date': {
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(cell.trim());
      return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : cell.trim();
    }
    case 'single_select':
      return choice(cell);
    case 'multi_select':
      return cell.split(/[,;，；、|]/).map((v) => v.trim()).filter(Boolean).map(choice);
    default:
      return cell.trim();
  }
}

export const isRowProblem = (v: unknown): v is RowProblem => typeof v === 'object' && v !== null && 'field' in v && 'code' in v;
