/**
 * Service reports and proactive reminders in the demo workspace: the reports page from the menu draws the
 * demo cases' volume; Settings → 主动提醒 adds a "warranty ends in 30 days" rule and runs it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, type AreaContext, type Step } from '../harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function steps(context: AreaContext): Step[] {
  const stamp = Date.now().toString(36);
  return [
    {
      name: 'service reports: the menu opens the reports, the volume chart draws the demo cases',
      timeoutMs: 60_000,
      run: async () => {
        const page = context.demoPage();
        await page.goto(`${context.baseUrl}/`);
        await page.getByTestId('nav-service').click();
        await page.waitForURL('**/service/reports');
        const volume = page.getByTestId('service-report-volume');
        // ECharts draws SVG: a bar per case type of the demo cases, named on the axis (repair among them).
        await volume.locator('svg text').filter({ hasText: '维修' }).first().waitFor();
        const created = Number(await page.getByTestId('service-report-kpi-cases').locator('.ant-statistic-content-value').innerText());
        assert(created >= 4, `the demo has at least 4 cases in the last 12 months, the page says ${created}`);
        const bars = await volume.locator('svg path[fill="#1677ff"]').count();
        assert(bars >= 3, `a bar per demo case type (repair, inquiry, complaint), drawn: ${bars}`);
        await page.getByTestId('service-report-dimension').getByText('按渠道').click();
        await volume.locator('svg text').filter({ hasText: '电话' }).first().waitFor();
        await page.getByTestId('service-report-trend').locator('svg text').filter({ hasText: '期末未结' }).first().waitFor();
        await page.getByTestId('service-report-times').getByText('全部工单').waitFor();
        await page.screenshot({ path: path.join(root, 'docs/screenshots/service-reports-zh-CN.png'), fullPage: true });
      },
    },
    {
      name: 'service reminders: add a "warranty ends in 30 days" rule in settings and run it',
      timeoutMs: 60_000,
      run: async () => {
        const page = context.demoPage();
        await page.goto(`${context.baseUrl}/settings/service-reminders`);
        await page.getByTestId('reminders-fired').waitFor();
        await page.getByTestId('reminder-rule-add').click();
        await page.getByTestId('reminder-rule-name').fill(`保修到期提醒 ${stamp}`);
        await page.getByTestId('reminder-rule-days').fill('30');
        await page.getByTestId('reminder-rule-emailCustomer').click();
        await page.getByTestId('reminder-rule-save').click();
        await page.getByTestId('reminder-rules').getByText(`保修到期提醒 ${stamp}`).waitFor();
        await page.getByTestId('reminder-rules').getByText('提前 30 天').first().waitFor();
        await page.getByTestId('reminders-run').click();
        await page.locator('.ant-message').filter({ hasText: /已触发 \d+ 条提醒/ }).waitFor();
        await page.screenshot({ path: 'test-results/service-reminders-zh-CN.png' });
      },
    },
  ];
}
