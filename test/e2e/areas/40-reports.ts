/**
 * Custom reports and dashboards in the demo workspace: make a dashboard, build a report of the deals by stage
 * drawn as bars, save it, pin it to the dashboard and see its tile there; the standard sales dashboard draws.
 */
import { assert, pickOption, type AreaContext, type Step } from '../harness.js';

const DASHBOARD = '我的销售看板';
const REPORT = '各阶段商机数';

export function steps(context: AreaContext): Step[] {
  return [
    {
      name: 'reports: make an empty personal dashboard',
      run: async () => {
        const page = context.demoPage();
        await page.getByTestId('nav-dashboards').click();
        // The standard sales dashboard comes first, its tiles drawn.
        await page.getByTestId('dashboard-grid').waitFor();
        await page.getByTestId('tile-sales.pipelineByStage').waitFor();
        await page.getByTestId('dashboard-new').click();
        await page.getByTestId('dashboard-name').fill(DASHBOARD);
        await page.getByTestId('dashboard-create').click();
        await page.waitForURL(/\/dashboards\/[0-9a-f-]{36}$/);
        await page.getByTestId('dashboard-empty').waitFor();
      },
    },
    {
      name: 'reports: build the number of deals by stage as a bar chart and save it',
      run: async () => {
        const page = context.demoPage();
        await page.getByTestId('nav-reports').click();
        await page.getByTestId('reports-new').click();
        await pickOption(page, page.getByTestId('report-object'), '商机');
        await page.getByTestId('report-add-group').click();
        await pickOption(page, page.getByTestId('report-group-0'), '阶段');
        await pickOption(page, page.getByTestId('report-chart'), '柱状图');
        await page.getByTestId('report-preview').locator('canvas').first().waitFor();
        await page.getByTestId('report-save').click();
        await page.getByTestId('report-name').fill(REPORT);
        await page.getByTestId('report-save-confirm').click();
        await page.locator('.ant-message').filter({ hasText: '报表已保存' }).waitFor();
        await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
      },
    },
    {
      name: 'reports: pin the report to the dashboard and see its tile there',
      run: async () => {
        const page = context.demoPage();
        await page.getByTestId('report-pin').click();
        await page.getByTestId(`pin-to-${DASHBOARD}`).click();
        await page.locator('.ant-message').filter({ hasText: `已固定到 ${DASHBOARD}` }).waitFor();
        await page.getByTestId('nav-dashboards').click();
        await pickOption(page, page.getByTestId('dashboard-select'), DASHBOARD);
        const tile = page.getByTestId('dashboard-grid').locator('.ant-card').filter({ hasText: REPORT });
        await tile.waitFor();
        await tile.locator('canvas').first().waitFor();
        assert((await page.getByTestId('dashboard-grid').locator('.ant-card').count()) === 1, 'the dashboard holds the one pinned report');
      },
    },
  ];
}
