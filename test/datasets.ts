import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The vendored public datasets (test/fixtures/datasets/README.md), for tests. */
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/datasets');

export const datasetPath = (...parts: string[]) => path.join(root, ...parts);
