/**
 * Quotes in the demo workspace: a deal of a customer with a Chinese name gets a quote written in the editor
 * (a product from the catalog, totals as typed), then its PDF proposal is downloaded through the page and read
 * by a real PDF parser: the customer's name must be there as text, not as drawn shapes.
 */
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { assert, type AreaContext, type Step } from '../harness.js';

const CUSTOMER = '杭州西湖龙井茶业有限公司';
const PRODUCT = '龙井礼盒 E2E';

async function pdfText(data: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  return pages.join('\n');
}

export function steps(context: AreaContext): Step[] {
  let dealId = '';
  return [
    {
      name: 'quotes: write a quote on a deal of 杭州西湖龙井茶业 with a product from the catalog, totals as typed',
      timeoutMs: 60_000,
      run: async () => {
        const page = context.demoPage();
        const request = page.context().request;
        const api = async (path: string, data: object) => {
          const res = await request.post(`${context.baseUrl}/api/v1${path}`, { data });
          assert(res.status() === 201, `POST ${path} answered HTTP ${res.status()}: ${await res.text()}`);
          return (await res.json()) as { id: string };
        };
        await api('/products', { sku: `LJ-${Date.now()}`, name: PRODUCT, unit: '盒', listPrices: [{ currency: 'CNY', unitPrice: 58800 }] });
        const account = await api('/accounts', { name: CUSTOMER, addresses: [{ kind: 'billing', line1: '西湖区龙井路 1 号', city: '杭州', country: 'CN' }] });
        dealId = (await api('/opportunities', { name: '龙井 2027 团购', accountId: account.id, currency: 'CNY' })).id;

        await page.goto(`${context.baseUrl}/opportunities/${dealId}`);
        await page.getByTestId('opportunity-tab-quotes').click();
        await page.getByTestId('quotes-empty').waitFor();
        await page.getByTestId('quote-new').click();
        await page.getByTestId('quote-add-line').click();
        const product = page.getByTestId('quote-line-product').last();
        await product.click();
        await page.keyboard.type('龙井礼盒');
        await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().locator('.ant-select-item-option').filter({ hasText: PRODUCT }).first().click();
        // The catalog price fills in and the total follows (1 × ¥588.00, no tax).
        await page.getByTestId('quote-total').filter({ hasText: '588.00' }).waitFor();
        await page.getByTestId('quote-save').click();
        await page.locator('.ant-message').filter({ hasText: '报价已保存' }).waitFor();
        const quote = page.getByTestId('quote').first();
        await quote.getByTestId('quote-status').filter({ hasText: '草稿' }).waitFor();
        assert((await quote.getByTestId('quote-row-total').textContent())?.includes('588.00'), 'the quote shows its total');
      },
    },
    {
      name: 'quotes: download the PDF through the page; it opens and holds 杭州西湖龙井茶业有限公司 as text',
      timeoutMs: 60_000,
      run: async () => {
        const page = context.demoPage();
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('quote').first().getByTestId('quote-pdf').click()]);
        assert(/^Q-\d{6}-v1\.pdf$/.test(download.suggestedFilename()), `the PDF is named ${download.suggestedFilename()}`);
        const file = await download.path();
        assert(file, 'the download was saved');
        const bytes = new Uint8Array(await readFile(file));
        assert(Buffer.from(bytes.subarray(0, 5)).toString() === '%PDF-', 'the download is a PDF');
        const text = await pdfText(bytes);
        assert(text.includes(CUSTOMER), `the PDF text holds the customer's name: ${text.slice(0, 200)}`);
        assert(text.includes('报价单') && text.includes(PRODUCT) && text.includes('588.00'), `the PDF has the title, the product and the total: ${text.slice(0, 300)}`);
      },
    },
  ];
}
