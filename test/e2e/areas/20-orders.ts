/**
 * Orders in the demo workspace: from the 360 view of 深圳星河网络科技有限公司 create an order for a ceiling AP
 * (priced from the catalog), confirm it on its page, and find the AP under the account's products owned with its
 * purchase day and warranty.
 */
import { assert, pickOption, type AreaContext, type Step } from '../harness.js';

const ACCOUNT = '深圳星河网络科技有限公司';
const PRODUCT = '吸顶式无线 AP';

export function steps(context: AreaContext): Step[] {
  return [
    {
      name: 'orders: create an order from the account’s 360 view, priced from the catalog',
      run: async () => {
        const page = context.demoPage();
        await page.getByTestId('nav-accounts').click();
        await page.getByRole('link', { name: ACCOUNT }).first().click();
        await page.getByTestId('panel-orders').waitFor();
        await page.getByTestId('panel-order-add').click();
        await pickOption(page, page.getByTestId('order-line-product').first(), PRODUCT);
        await page.getByTestId('order-line-quantity').first().fill('3');
        await page.getByTestId('order-submit').click();
        await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
        await page.getByTestId('order-status').filter({ hasText: '草稿' }).waitFor();
        const total = await page.getByTestId('order-total').textContent();
        assert(total?.includes('2,697'), `3 × ¥899.00 should total ¥2,697.00: ${total}`);
      },
    },
    {
      name: 'orders: confirm the order; the account owns the AP with its warranty',
      run: async () => {
        const page = context.demoPage();
        await page.getByTestId('order-confirm').click();
        await page.getByTestId('order-status').filter({ hasText: '已确认' }).waitFor();
        await page.getByTestId('order-customer').click();
        const owned = page.getByTestId('panel-productsOwned');
        await owned.getByText(PRODUCT).waitFor();
        const text = (await owned.textContent()) ?? '';
        assert(text.includes('保修至'), `the AP should show its warranty end: ${text}`);
        await page.getByTestId('panel-orders').getByTestId('order-status').filter({ hasText: '已确认' }).first().waitFor();
      },
    },
  ];
}
