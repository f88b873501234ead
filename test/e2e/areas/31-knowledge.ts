/**
 * The knowledge base in the demo workspace (UI in 简体中文): the owner writes an article in the editor, publishes
 * it on save, then finds it from the search box with a question phrased differently from the title, the
 * matched words highlighted; Settings → 工作时间 shows the 2026 holidays of the demo calendar.
 */
import { assert, type AreaContext, type Step } from '../harness.js';

const TITLE = '投影仪无法开机的排查步骤';

export function steps(context: AreaContext): Step[] {
  return [
    {
      name: 'knowledge: write an article, publish it on save, find it by 投影仪开不了机怎么办 with the words highlighted',
      timeoutMs: 60_000,
      run: async () => {
        const page = context.demoPage();
        await page.goto(`${context.baseUrl}/knowledge`);
        await page.getByTestId('kb-articles').getByText('打印机卡纸的处理方法').waitFor();
        await page.getByTestId('kb-new-article').click();
        await page.getByTestId('kb-title-zh-CN').fill(TITLE);
        await page.getByTestId('kb-body-zh-CN').fill('1. 检查电源线和插座。\n2. 长按电源键五秒。\n3. 灯泡指示灯闪烁时请更换灯泡。');
        await page.getByTestId('kb-publish').click();
        await page.getByTestId('kb-save').click();
        // Saved: the article opens in its drawer, published as version 1.
        // The article's drawer (antd 6 puts the test id on the drawer's wrapper; there is no .ant-drawer-content).
        const drawer = page.getByTestId('kb-article').filter({ hasText: TITLE });
        await drawer.getByText('已发布').waitFor();
        await drawer.getByText('第 1 版').waitFor();
        await page.keyboard.press('Escape');

        // antd puts the test id on the input itself (rc-input spreads data-* there), or on its wrapper in other versions.
        const search = page.locator('input[data-testid="kb-search"], [data-testid="kb-search"] input').first();
        await search.fill('投影仪开不了机怎么办');
        await search.press('Enter');
        const first = page.getByTestId('kb-result').first();
        await first.waitFor();
        assert((await first.textContent())?.includes(TITLE), `the first result is the new article, not: ${await first.textContent()}`);
        const marks = await first.locator('mark').allTextContents();
        assert(marks.includes('投影仪'), `投影仪 is highlighted in the title (marks: ${marks.join(', ')})`);
        await page.screenshot({ path: 'test-results/31-knowledge-search.png' });

        // The traditional spelling finds the demo's printer article too.
        await search.fill('印表機卡紙');
        await search.press('Enter');
        await page.getByTestId('kb-result').first().getByText('打印机卡纸的处理方法').waitFor();
      },
    },
    {
      name: 'knowledge: Settings → 工作时间 shows Monday 09:00-18:00 and the demo calendar’s 2026 holidays',
      timeoutMs: 30_000,
      run: async () => {
        const page = context.demoPage();
        await page.goto(`${context.baseUrl}/settings/business-hours`);
        // The demo calendar holds the 2026 preset: its first rows are 元旦.
        await page.locator('.ant-table').getByText('元旦').first().waitFor();
        const monday = await page.locator('input[data-testid="bh-week-0"], [data-testid="bh-week-0"] input').first().inputValue();
        assert(monday === '09:00-18:00', `Monday works 09:00-18:00, not: ${monday}`);
        await page.screenshot({ path: 'test-results/31-business-hours.png' });
      },
    },
  ];
}
