/**
 * Customer value in the accounts list (after 41 ran the analysis): the ABC tier and churn risk columns from the
 * column chooser, then the filter "ABC 分级 = A" leaving tier-A accounts only; a screenshot of the list by
 * revenue with the value columns for docs/analytics.md.
 */
import { assert, pickOption, type AreaContext, type Step } from '../harness.js';

export function steps(context: AreaContext): Step[] {
  return [
    {
      name: 'accounts list: add the ABC tier and churn risk columns, filter tier = A, only tier-A accounts remain',
      timeoutMs: 90_000,
      run: async () => {
        const page = context.demoPage();
        const res = await page.context().request.get(`${context.baseUrl}/api/v1/accounts?filter=value.abcTier:eq:A&limit=1`);
        assert(res.status() === 200, `the tier filter answered HTTP ${res.status()}: ${await res.text()}`);
        assert(((await res.json()) as { data: unknown[] }).data.length > 0, 'no account of tier A after the value run: nothing to filter');

        await page.goto(`${context.baseUrl}/accounts`);
        const table = page.getByTestId('accounts-table');
        await table.waitFor();
        await page.getByTestId('accounts-columns-open').click();
        await page.getByTestId('column-value.abcTier').click();
        await page.getByTestId('column-value.churnScore').click();
        await page.getByTestId('column-value.revenue').click();
        await table.locator('.ant-table-thead').filter({ hasText: 'ABC 分级' }).waitFor();
        await table.locator('.ant-table-thead').filter({ hasText: '流失风险' }).waitFor();
        await page.keyboard.press('Escape');

        await page.getByTestId('accounts-filter-open').click();
        await page.getByTestId('accounts-filter-builder').waitFor();
        await page.getByTestId('filter-add').click();
        await pickOption(page, page.getByTestId('filter-field').last(), 'ABC 分级');
        await pickOption(page, page.getByTestId('filter-operator').last(), '等于');
        await pickOption(page, page.getByTestId('filter-value').last(), 'A 类');
        await page.getByTestId('filter-apply').click();
        await page.waitForURL((url) => url.searchParams.getAll('f').includes('value.abcTier:eq:A'));
        // The list refetches once the filter lands (and virtual rows re-render): wait until the rows shown are tier A,
        // then check them — a filter that does not work never gets there and fails below with the rows it shows.
        await page
          .waitForFunction(() => {
            const shown = [...document.querySelectorAll('[data-testid="accounts-table"] [data-testid="list-row"]')].map((row) => (row as HTMLElement).innerText);
            return shown.length > 0 && shown.every((text) => text.includes('A 类'));
          }, undefined, { timeout: 15_000 })
          .catch(() => undefined);

        // Each row's tier cell is a tag "A 类"; no row shows B or C.
        const rows = await table.locator('[data-testid="list-row"]').allInnerTexts();
        assert(rows.length > 0 && rows.every((row) => row.includes('A 类') && !row.includes('B 类') && !row.includes('C 类')), `the filtered rows are not all tier A:\n${rows.join('\n')}`);

        // For the docs: the whole list by revenue, with the value columns beside the name.
        await page.evaluate(() => localStorage.setItem('guanxi.columns.accounts', JSON.stringify(['name', 'value.abcTier', 'value.segment', 'value.churnScore', 'value.revenue', 'value.lastPurchaseAt', 'value.orders'])));
        await page.goto(`${context.baseUrl}/accounts?sort=-value.revenue`);
        await table.locator('[data-testid="list-row"]').first().waitFor();
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: 'test-results/accounts-value-zh-CN.png' });
      },
    },
  ];
}
