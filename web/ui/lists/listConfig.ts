import type { ReactNode } from 'react';
import type { StandardField } from './fields';
import type { ListRecord } from './records';

/** A standard column of a record list. `key` is the field name when it is one (then it sorts if the field does). */
export interface ListColumn<T> {
  key: string;
  /** i18n key of its title; default `fields.<key>`. */
  titleKey?: string;
  width?: number;
  render?: (row: T) => ReactNode;
  /** Shown until the user chooses columns. */
  shown?: boolean;
}

/**
 * What a module tells the generic record list (RecordList) about its object: the rest — filter builder,
 * saved views, columns, sort, bulk actions, kanban — comes from the API (GET /views/fields, /custom-fields).
 */
export interface ListConfig<T extends ListRecord> {
  /** The list's object type at /views and /custom-fields: `contacts`. */
  objectType: string;
  /** The list route: `/contacts`. */
  path: string;
  /** Prefix of test ids: `contacts` → `contacts-table`, `contacts-filter-text`… */
  testIdPrefix: string;
  /** The record's page. */
  recordUrl: (row: T) => string;
  /** The default order (the API's `sort`). */
  defaultSort: string;
  /** Fields the quick text filter looks in, with the i18n keys of their labels. */
  textFields: readonly { value: string; labelKey: string }[];
  /** The module's standard fields beyond their API type: labels, choices. */
  fields: Readonly<Record<string, StandardField>>;
  columns: readonly ListColumn<T>[];
  /** Standard fields a kanban groups by (single selects); custom single selects are added. */
  kanbanFields: readonly string[];
  /** Standard fields "set a field" offers in bulk; custom fields are added. */
  bulkFields: readonly string[];
  /** The second line of a kanban card. */
  cardSubtitle?: (row: T) => ReactNode;
  /**
   * Records nobody owns (products): no mine/everyone switch, no owner on cards, and no row selection (their
   * module has no bulk routes).
   */
  ownerless?: boolean;
  /** False when the object has no bulk routes yet: no row selection. */
  bulk?: boolean;
  /** How the list opens before the user picks (`?mode=`): default the table. */
  defaultMode?: 'list' | 'kanban';
  /** i18n keys: empty list, and no match for the filters. */
  texts: { emptyTitle: string; emptyText: string; noMatchTitle: string; noMatchText: string };
}
