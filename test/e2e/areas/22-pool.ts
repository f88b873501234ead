/**
 * The public pool (公海) in the demo workspace: claim an account from 华东公海, find it among the accounts
 * with the claim on its pool history, then release it back with a reason and see it in the pool again.
 */
import { assert, type AreaContext, type Step } from '../harness.js';

const ACCOUNT = '苏州工业园区智造有限公司';

export function steps(context: AreaContext): Step[] {
  return [
    {
      name: 'pool: claim an account from 华东公海 with the quota shown',
      run: async () => {
        const page = context.demoPage();
        await page.getByTestId('nav-pools').click();
        await page.getByText('华东公海').first().waitFor();
        await page.getByTestId('pool-quota').waitFor();
        const row = page.getByTestId('pool-row').filter({ hasText: ACCOUNT });
        await row.getByTestId('pool-claim').click();
        await page.locator('.ant-message').filter({ hasText: '已领取 1 条' }).waitFor();
        await row.waitFor({ state: 'detached' });
      },
    },
    {
      name: 'pool: the claimed account is mine, with the claim on its pool history',
      run: async () => {
        const page = context.demoPage();
        await page.getByTestId('nav-accounts').click();
        await page.getByRole('link', { name: ACCOUNT }).first().click();
        await page.getByTestId('account-name').filter({ hasText: ACCOUNT }).waitFor();
        await page.getByRole('tab', { name: '公海记录' }).click();
        const entries = page.getByTestId('pool-history-entry');
        await entries.first().waitFor();
        const kinds = await entries.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
        assert(kinds[0] === 'claimed' && kinds.includes('added'), `pool history should start with the claim: ${kinds.join(', ')}`);
        assert((await entries.first().textContent())?.includes('华东公海'), 'the claim names its pool');
      },
    },
    {
      name: 'pool: release the account back with a reason; it waits in the pool again',
      run: async () => {
        const page = context.demoPage();
        await page.getByTestId('release-to-pool').click();
        await page.getByTestId('release-reason').fill('客户暂无采购计划');
        await page.getByTestId('release-confirm').click();
        await page.locator('.ant-message').filter({ hasText: '已释放到公海' }).waitFor();
        await page.waitForURL(/\/pools\?pool=/);
        await page.getByTestId('pool-row').filter({ hasText: ACCOUNT }).waitFor();
      },
    },
  ];
}
