/**
 * Customer value in the demo workspace: a customer with orders, the analysis run from the page (its progress
 * bar to the end), the RFM grid, and a click on the customer's cell listing them.
 */
import { assert, type AreaContext, type Step } from '../harness.js';

const CUSTOMER = '苏州评弹文化传媒 E2E';

export function steps(context: AreaContext): Step[] {
  return [
    {
      name: 'customer value: run the analysis from the page, open the RFM grid and drill into the cell of 苏州评弹文化传媒',
      timeoutMs: 120_000,
      run: async () => {
        const page = context.demoPage();
        const request = page.context().request;
        const api = async (method: 'get' | 'post', path: string, data?: object) => {
          const res = await request[method](`${context.baseUrl}/api/v1${path}`, data ? { data } : {});
          assert(res.status() < 300, `${method.toUpperCase()} ${path} answered HTTP ${res.status()}: ${await res.text()}`);
          return res.json();
        };
        const product = await api('post', '/products', { sku: `PT-${Date.now()}`, name: '评弹演出票 E2E' });
        const account = await api('post', '/accounts', { name: CUSTOMER });
        for (const daysAgo of [40, 12])
          await api('post', '/orders', { accountId: account.id, status: 'confirmed', orderedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(), lines: [{ productId: product.id, quantity: 2, unitPrice: 38000 }] });

        await page.goto(`${context.baseUrl}/analytics/value`);
        await page.getByTestId('value-run').click();
        await page.locator('[data-testid="job-progress"][data-state="succeeded"]').waitFor({ timeout: 90_000 });
        await page.getByTestId('value-tab-rfm').click();
        await page.getByTestId('rfm-grid').waitFor();
        const { value } = await api('get', `/analytics/accounts/${account.id}`);
        assert(value && value.orders === 2 && value.revenue === 152000, `the run valued the customer: ${JSON.stringify(value)}`);
        await page.getByTestId(`rfm-cell-${value.r}-${value.fm}`).click();
        await page.getByTestId('rfm-cell-customers').getByText(CUSTOMER).waitFor();
      },
    },
  ];
}
