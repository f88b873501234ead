import { keyedSearchProvider } from '../../platform/search/keyed-search.js';
import { products, productsSearch } from './catalog.tables.js';

/** Products in the search box, by name, its pinyin, or SKU; rows arrive as stored (snake_case JSON). */
export const productSearchProvider = keyedSearchProvider<{ sku: string; active: boolean }>({
  type: 'product',
  table: products,
  view: productsSearch,
  subtitle: (row) => row.sku,
});
