import { describe, expect, it } from 'vitest';
import { IMPORT_TARGETS } from './import-mapping.js';
import { IMPORT_FIELDS, IMPORT_OBJECTS } from '../../../contracts/customers.js';

describe('IMPORT_FIELDS (contracts, for the web app)', () => {
  it('lists the targets the server maps import columns to, for every object', () => {
    for (const object of IMPORT_OBJECTS) expect([...IMPORT_FIELDS[object]].sort()).toEqual(Object.keys(IMPORT_TARGETS[object]).sort());
  });
});
