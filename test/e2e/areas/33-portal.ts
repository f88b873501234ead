/**
 * The customer self-service portal of the demo workspace (/portal/guanxi-demo): 王伟 signs in with his
 * password in a browser of his own, opens a repair case for the router he bought with a photo attached, and
 * sees it listed; on the staff side the case is there with channel portal and the photo on its timeline.
 * The case is exported for the steps that continue it (dispatch to a station, the survey).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { assert, type AreaContext, type Step } from '../harness.js';

export const PORTAL = { key: 'guanxi-demo', email: 'wang.wei@example.cn', password: 'portal-demo' } as const;
/** The subject of the repair case the customer opens (unique per run). */
export const PORTAL_CASE_SUBJECT = `路由器指示灯闪红 ${Date.now().toString(36)}`;
/** A 1×1 PNG standing for the customer's photo of the fault. */
const PHOTO = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1d0f30000000049454e44ae426082', 'hex');

let opened: { id: string; number: number; reference: string } | null = null;
/** The case the customer opened (after the steps ran): its id for staff pages, its reference as the customer quotes it. */
export const portalCase = () => opened;

export function steps(context: AreaContext): Step[] {
  let browser: BrowserContext | null = null;
  let page: Page;
  const portalUrl = `${context.baseUrl}/portal/${PORTAL.key}`;
  return [
    {
      name: 'portal: the demo customer signs in with his password and sees his requests, products with warranty and orders',
      timeoutMs: 60_000,
      run: async () => {
        browser = await context.newContext();
        page = await browser.newPage();
        await page.goto(portalUrl);
        // Not signed in: the portal's own sign-in, in the workspace's brand, not the staff one.
        await page.getByTestId('portal-sign-in').waitFor();
        await page.getByTestId('portal-email').fill(PORTAL.email);
        await page.getByTestId('portal-password').fill(PORTAL.password);
        await page.getByTestId('portal-sign-in-submit').click();
        await page.getByTestId('portal-home').waitFor();
        await page.getByTestId('portal-products').getByText('企业级无线路由器 AX6').waitFor();
        // The router is under warranty; the switch bought three years ago is not.
        const router = page.getByTestId('portal-product').filter({ hasText: 'GX-ROUTER-AX6' });
        assert((await router.locator('.ant-tag-green').count()) === 1, 'the router shows as under warranty');
        assert((await page.getByTestId('portal-product').filter({ hasText: 'GX-SWITCH-24' }).locator('.ant-tag-green').count()) === 0, 'the old switch shows its warranty expired');
        await page.screenshot({ path: 'docs/screenshots/portal-home-zh-CN.png', fullPage: true });
      },
    },
    {
      name: 'portal: the customer opens a repair case for the router with a photo, and sees it listed',
      timeoutMs: 60_000,
      run: async () => {
        // "Request a repair" beside the router: the new-request form with the repair type and the router chosen.
        await page.getByTestId('portal-product').filter({ hasText: 'GX-ROUTER-AX6' }).getByRole('button').click();
        await page.getByTestId('portal-new-case-page').waitFor();
        await page.getByTestId('portal-subject').fill(PORTAL_CASE_SUBJECT);
        await page.getByTestId('portal-description').fill('路由器每隔几分钟重启一次，指示灯闪红，已经重启过光猫。');
        await page.locator('input[type="file"]').setInputFiles({ name: 'router-led.png', mimeType: 'image/png', buffer: PHOTO });
        await page.getByText('router-led.png').waitFor();
        await page.screenshot({ path: 'docs/screenshots/portal-new-case-zh-CN.png', fullPage: true });
        await page.getByTestId('portal-submit-case').click();
        await page.getByTestId('portal-case-subject').filter({ hasText: PORTAL_CASE_SUBJECT }).waitFor();
        await page.getByTestId('portal-attachment').filter({ hasText: 'router-led.png' }).waitFor();
        const reference = ((await page.getByTestId('portal-case-reference').textContent()) ?? '').trim();
        assert(/^CS-\d{6}$/.test(reference), `the case shows its reference: ${reference}`);
        await page.getByTestId('portal-nav-home').click();
        await page.getByTestId('portal-cases').getByText(PORTAL_CASE_SUBJECT).waitFor();
        opened = { id: '', number: Number(reference.slice(3)), reference };
      },
    },
    {
      name: 'portal: staff see the customer’s repair case with channel portal and the photo',
      timeoutMs: 60_000,
      run: async () => {
        try {
          assert(opened, 'the customer opened a case');
          const staff = context.demoPage();
          const res = await staff.context().request.get(`${context.baseUrl}/api/v1/cases?filter=number:eq:${opened.number}`);
          const [found] = ((await res.json()) as { data: { id: string; subject: string; channel: string; productId: string | null }[] }).data;
          assert(found?.subject === PORTAL_CASE_SUBJECT, `staff find case ${opened.reference}: ${JSON.stringify(found)}`);
          assert(found.channel === 'portal' && found.productId, `it came by the portal, about a product: ${JSON.stringify(found)}`);
          opened.id = found.id;
          await staff.goto(`${context.baseUrl}/cases/${found.id}`);
          await staff.getByTestId('case-subject').filter({ hasText: PORTAL_CASE_SUBJECT }).waitFor();
          await staff.getByText('router-led.png').first().waitFor();
        } finally {
          await browser?.close();
        }
      },
    },
  ];
}
