/**
 * Field service in the demo workspace: a repair case becomes a work order, the agent dispatches it to the best
 * station with each score's reasons on screen, and the Beijing station's technician (their own sign-in, which
 * shows only work orders) accepts it, goes on site and finishes it. The functions are reused by the portal
 * journey (a customer's own repair case, then the survey that rates the station).
 */
import type { Page } from 'playwright-core';
import { assert, type AreaContext, type Step } from '../harness.js';

export const STATION = '北京朝阳服务站';
export const STATION_LOGIN = { email: 'station.beijing@guanxi.dev', password: 'guanxi-demo' } as const;

/** From the case page: make the work order, and dispatch it to the top-ranked station after reading its reasons. */
export async function dispatchFromCase(page: Page, baseUrl: string, caseId: string): Promise<string> {
  await page.goto(`${baseUrl}/cases/${caseId}`);
  await page.getByTestId('create-work-order').click();
  const drawer = page.getByTestId('work-order-drawer');
  const best = drawer.getByTestId('candidate-0');
  await best.waitFor();
  const bestText = (await best.textContent()) ?? '';
  assert(bestText.includes(STATION) && bestText.includes('最佳'), `the best station should be ${STATION}, marked as recommended: ${bestText}`);
  // Every part of the score says how it was measured: location, product skill, rating, workload.
  const reasons = await best.getByTestId('dispatch-reasons').textContent();
  for (const part of ['位置', '技能', '评分', '负荷']) assert(reasons?.includes(part), `the best station's reasons lack ${part}: ${reasons}`);
  await drawer.getByTestId('dispatch-submit').click();
  await drawer.getByTestId('work-order-status').filter({ hasText: '已派工' }).waitFor();
  const title = (await page.locator('.ant-drawer-title').last().textContent()) ?? '';
  const number = /WO-\d+/.exec(title)?.[0];
  assert(number, `the drawer's title names the work order: ${title}`);
  await page.keyboard.press('Escape');
  return number;
}

/** The station's technician signs in (a fresh browser), sees only work orders, and takes this one to done. */
export async function stationCompletes(context: AreaContext, number: string): Promise<void> {
  const browser = await context.newContext();
  try {
    const page = await browser.newPage();
    await page.goto(`${context.baseUrl}/sign-in`);
    await page.locator('input[name="email"]').fill(STATION_LOGIN.email);
    await page.locator('input[name="password"]').fill(STATION_LOGIN.password);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('nav-work-orders').click();
    assert((await page.getByTestId('nav-contacts').count()) === 0, 'a station technician sees no customer lists');
    await page.getByTestId(`work-order-${number}`).click();
    const drawer = page.getByTestId('work-order-drawer');
    for (const [action, status] of [
      ['accept', 'Accepted'],
      ['on_site', 'On site'],
      ['done', 'Done'],
    ] as const) {
      if (action === 'done') await drawer.getByTestId('station-note').fill('更换了电源模块，已测试正常。');
      await drawer.getByTestId(`station-${action}`).click();
      await drawer.getByTestId('work-order-status').filter({ hasText: status }).waitFor();
    }
    await page.screenshot({ path: 'test-results/field-service-station-done-en.png' });
  } finally {
    await browser.close();
  }
}

/** Opens a repair case for a demo contact through the API (the case form is covered by the cases area). */
async function openRepairCase(page: Page, baseUrl: string, subject: string): Promise<string> {
  const api = page.context().request;
  const types = (await (await api.get(`${baseUrl}/api/v1/case-types`)).json()) as { data: { id: string; key: string | null }[] };
  const contacts = (await (await api.get(`${baseUrl}/api/v1/contacts?filter=${encodeURIComponent('name:eq:王伟')}`)).json()) as { data: { id: string }[] };
  const res = await api.post(`${baseUrl}/api/v1/cases`, {
    data: { subject, channel: 'phone', typeId: types.data.find((type) => type.key === 'repair')?.id, contactId: contacts.data[0]?.id, language: 'zh-CN' },
  });
  assert(res.status() === 201, `opening the repair case answered ${res.status()}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export function steps(context: AreaContext): Step[] {
  let number = '';
  return [
    {
      name: 'field service: a repair case goes to the best station, with the reasons of its score',
      timeoutMs: 60_000,
      run: async () => {
        const page = context.demoPage();
        const caseId = await openRepairCase(page, context.baseUrl, `打印机不通电 ${Date.now().toString(36)}`);
        number = await dispatchFromCase(page, context.baseUrl, caseId);
      },
    },
    {
      name: 'field service: the station technician signs in, accepts, goes on site and finishes the work order',
      timeoutMs: 60_000,
      run: () => stationCompletes(context, number),
    },
    {
      name: 'field service: the agent sees the work order done, with the technician’s note',
      run: async () => {
        const page = context.demoPage();
        await page.goto(`${context.baseUrl}/work-orders`);
        await page.getByTestId('work-order-views').getByText('已完工', { exact: true }).click();
        await page.getByTestId(`work-order-${number}`).click();
        const drawer = page.getByTestId('work-order-drawer');
        await drawer.getByTestId('work-order-status').filter({ hasText: '已完工' }).waitFor();
        await drawer.getByText('更换了电源模块').first().waitFor();
        await page.keyboard.press('Escape');
      },
    },
  ];
}
