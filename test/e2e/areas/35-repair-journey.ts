/**
 * A repair from the customer's request to the station's rating (issue 6, point 12), continuing the case the
 * customer opened in the portal (33-portal): the agent dispatches it to the best station with the reasons on
 * screen, the station's technician completes it, the agent resolves the case, the customer answers the survey
 * on the case in the portal, and the station's rating takes the answer.
 */
import type { Page } from 'playwright-core';
import { assert, type AreaContext, type Step } from '../harness.js';
import { STATION, dispatchFromCase, stationCompletes } from './32-field-service.js';
import { PORTAL, portalCase } from './33-portal.js';

interface StationRating {
  name: string;
  rating: number | null;
  ratingCount: number;
}

async function stationRating(page: Page, baseUrl: string): Promise<StationRating> {
  const res = await page.context().request.get(`${baseUrl}/api/v1/service-stations`);
  const station = ((await res.json()) as { data: StationRating[] }).data.find((s) => s.name === STATION);
  assert(station, `${STATION} is a demo station`);
  return station;
}

export function steps(context: AreaContext): Step[] {
  let before: StationRating | null = null;
  let number = '';
  const opened = () => {
    const found = portalCase();
    assert(found?.id, 'the portal area opened a repair case');
    return found;
  };
  return [
    {
      name: 'repair journey: the agent dispatches the customer’s portal case to the best station, reasons on screen',
      timeoutMs: 60_000,
      run: async () => {
        const page = context.demoPage();
        before = await stationRating(page, context.baseUrl);
        number = await dispatchFromCase(page, context.baseUrl, opened().id);
      },
    },
    {
      name: 'repair journey: the station completes the work order',
      timeoutMs: 60_000,
      run: () => stationCompletes(context, number),
    },
    {
      name: 'repair journey: the agent resolves the case',
      run: async () => {
        const page = context.demoPage();
        await page.goto(`${context.baseUrl}/cases/${opened().id}`);
        await page.getByTestId('case-status-resolved').click();
        await page.getByTestId('case-status').filter({ hasText: '已解决' }).waitFor();
      },
    },
    {
      name: 'repair journey: the customer rates the repair on the case in the portal, and the station’s rating changes',
      timeoutMs: 60_000,
      run: async () => {
        const browser = await context.newContext();
        try {
          const page = await browser.newPage();
          await page.goto(`${context.baseUrl}/portal/${PORTAL.key}`);
          await page.getByTestId('portal-email').fill(PORTAL.email);
          await page.getByTestId('portal-password').fill(PORTAL.password);
          await page.getByTestId('portal-sign-in-submit').click();
          await page.getByTestId('portal-home').waitFor();
          await page.goto(`${context.baseUrl}/portal/${PORTAL.key}/cases/${opened().reference}`);
          const survey = page.getByTestId('portal-survey');
          // Two stars of five: a poor mark moves the veteran station's average visibly down.
          await survey.getByTestId('survey-csat').locator('li').nth(1).click();
          await survey.getByTestId('survey-nps').getByText('6', { exact: true }).click();
          await survey.getByTestId('survey-comment').fill('师傅来得晚，修好了。');
          await page.screenshot({ path: 'docs/screenshots/portal-survey-zh-CN.png', fullPage: true });
          await survey.getByTestId('survey-submit').click();
          await survey.getByTestId('survey-thanks').waitFor();
        } finally {
          await browser.close();
        }
        const staff = context.demoPage();
        const after = await stationRating(staff, context.baseUrl);
        assert(before, 'the rating before was read');
        assert(after.ratingCount === before.ratingCount + 1, `the station has one more rating: ${before.ratingCount} → ${after.ratingCount}`);
        assert(after.rating !== null && before.rating !== null && after.rating < before.rating, `a 2 lowers ${STATION}'s average: ${before.rating} → ${after.rating}`);
        await staff.goto(`${context.baseUrl}/service-stations`);
        await staff.getByText(`（${after.ratingCount}）`).first().waitFor();
      },
    },
  ];
}
