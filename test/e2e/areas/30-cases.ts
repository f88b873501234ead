/**
 * Service cases in the demo workspace: two requests of 王伟 opened as two cases in one step from the cases
 * list, then one of them answered in the case's conversation and resolved; then the agent console for 王伟.
 */
import { assert, type AreaContext, type Step } from '../harness.js';

export function steps(context: AreaContext): Step[] {
  const stamp = Date.now().toString(36);
  const subjects = [`打印机卡纸 ${stamp}`, `咨询保修期 ${stamp}`];
  return [
    {
      name: 'cases: open two cases for 王伟 in one step',
      timeoutMs: 60_000,
      run: async () => {
        const page = context.demoPage();
        await page.goto(`${context.baseUrl}/cases`);
        await page.getByTestId('cases-add').click();
        await page.getByTestId('new-cases-contact').click();
        // The main flow made 测试王伟: the demo's own 王伟 is the option that starts with the name.
        await page.keyboard.type('王伟');
        await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().locator('.ant-select-item-option').filter({ hasText: /^王伟/ }).first().click();
        await page.getByTestId('new-cases-subject-0').fill(subjects[0]!);
        await page.getByTestId('new-cases-add-row').click();
        await page.getByTestId('new-cases-subject-1').fill(subjects[1]!);
        await page.getByTestId('new-cases-submit').click();
        await page.locator('.ant-message').filter({ hasText: '已创建工单：2 个' }).waitFor();
        const res = await page.context().request.get(`${context.baseUrl}/api/v1/cases?filter=subject:contains:${encodeURIComponent(stamp)}`);
        const created = ((await res.json()) as { data: { subject: string; contactId: string }[] }).data;
        assert(created.length === 2, `two cases were created, not ${created.length}`);
        assert(new Set(created.map((c) => c.contactId)).size === 1, 'both cases are for the same contact');
      },
    },
    {
      name: 'cases: reply on one case, see it in the conversation, and resolve it',
      timeoutMs: 60_000,
      run: async () => {
        const page = context.demoPage();
        await page.goto(`${context.baseUrl}/cases`);
        await page.getByRole('link', { name: subjects[0]! }).first().click();
        await page.getByTestId('case-subject').filter({ hasText: subjects[0]! }).waitFor();
        // The knowledge base answers from the case's subject: read the article beside the case.
        await page.getByTestId('case-suggested-article').filter({ hasText: '打印机卡纸的处理方法' }).click();
        await page.getByTestId('kb-article').getByText('取出硒鼓').waitFor();
        await page.keyboard.press('Escape');
        await page.getByTestId('case-composer-body').fill('王先生您好，请打开前盖取出卡住的纸。');
        await page.getByTestId('case-composer-send').click();
        await page.locator('.ant-message').filter({ hasText: '回复已发送' }).waitFor();
        await page.getByText('请打开前盖取出卡住的纸').first().waitFor();
        // The first reply opened the case.
        await page.getByTestId('case-status').filter({ hasText: '处理中' }).waitFor();
        await page.getByTestId('case-status-resolved').click();
        await page.getByTestId('case-status').filter({ hasText: '已解决' }).waitFor();
        await page.screenshot({ path: 'test-results/cases-resolved-zh-CN.png' });
      },
    },
    {
      name: 'cases: the agent console shows 王伟’s open cases, articles that may answer them and the scripts',
      run: async () => {
        const page = context.demoPage();
        const res = await page.context().request.get(`${context.baseUrl}/api/v1/contacts?filter=${encodeURIComponent('name:eq:王伟')}`);
        const [wang] = ((await res.json()) as { data: { id: string }[] }).data;
        assert(wang, '王伟 is a demo contact');
        await page.goto(`${context.baseUrl}/service/console?contactId=${wang.id}`);
        await page.getByTestId('console-open-cases').getByText(subjects[1]!).waitFor();
        // The demo's router repair case finds the router article.
        await page.getByTestId('case-suggested-article').filter({ hasText: '路由器无法上网怎么办' }).waitFor();
        await page.getByTestId('console-scripts').waitFor();
        await page.screenshot({ path: 'test-results/agent-console-zh-CN.png' });
      },
    },
  ];
}
