import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { applyCalendarPreset } from './business-calendar.service.js';
import { createCategory } from './knowledge-categories.service.js';
import { createArticle, setArticleStatus } from './knowledge.service.js';

/** Demo knowledge base: two categories, five articles in the three languages (one a draft), and the 2026 holidays. */
export async function seedKnowledgeDemo(tx: Executor, ctx: RequestContext): Promise<void> {
  const hardware = await createCategory(tx, ctx, { names: { 'zh-CN': '硬件故障', 'zh-TW': '硬體故障', en: 'Hardware' } });
  const account = await createCategory(tx, ctx, { names: { 'zh-CN': '账户与账单', 'zh-TW': '帳戶與帳單', en: 'Account and billing' } });
  const articles = [
    {
      categoryId: hardware.id,
      visibility: 'public' as const,
      tags: ['打印机', 'printer'],
      translations: [
        { language: 'zh-CN' as const, title: '打印机卡纸的处理方法', body: '1. 关闭电源，打开前盖。\n2. 取出硒鼓，沿出纸方向轻轻拉出卡住的纸张。\n3. 检查纸盒里的纸是否受潮、是否超过装纸线。\n不要用力拉扯，以免损坏定影器。' },
        { language: 'zh-TW' as const, title: '印表機卡紙的處理方法', body: '1. 關閉電源，打開前蓋。\n2. 取出碳粉匣，沿出紙方向輕輕拉出卡住的紙張。\n3. 檢查紙匣裡的紙是否受潮、是否超過裝紙線。' },
        { language: 'en' as const, title: 'Clearing a paper jam in the printer', body: '1. Switch the printer off and open the front cover.\n2. Remove the toner cartridge and gently pull the jammed paper out in the direction it travels.\n3. Check that the paper in the tray is dry and below the fill line.' },
      ],
    },
    {
      categoryId: hardware.id,
      visibility: 'public' as const,
      tags: ['网络', 'router'],
      translations: [
        { language: 'zh-CN' as const, title: '路由器无法上网怎么办', body: '先重启光猫和路由器，等待两分钟；再检查宽带账号是否欠费、网线是否插好。指示灯常亮红色时请联系运营商。' },
        { language: 'zh-TW' as const, title: '路由器無法上網怎麼辦', body: '先重新啟動數據機與路由器，等待兩分鐘；再檢查寬頻帳號是否欠費、網路線是否插好。' },
        { language: 'en' as const, title: 'The router has no internet connection', body: 'Restart the modem and the router and wait two minutes; then check the broadband account and the cables.' },
      ],
    },
    {
      categoryId: account.id,
      visibility: 'internal' as const,
      tags: ['发票', 'invoice'],
      translations: [
        { language: 'zh-CN' as const, title: '如何为客户开具增值税专用发票', body: '在订单页面点击“开票”，核对抬头、税号、开户行及账号；专票需客户提供一般纳税人证明。' },
        { language: 'en' as const, title: 'Issuing a VAT special invoice to a customer', body: 'On the order page click “Invoice”, check the title, tax number, bank and account; a special invoice needs proof of general-taxpayer status.' },
      ],
    },
    {
      categoryId: account.id,
      visibility: 'public' as const,
      tags: ['密码', 'password'],
      translations: [
        { language: 'zh-CN' as const, title: '忘记密码如何重置', body: '在登录页点击“忘记密码”，输入注册邮箱，按邮件中的链接设置新密码。链接 1 小时内有效。' },
        { language: 'zh-TW' as const, title: '忘記密碼如何重設', body: '在登入頁點擊「忘記密碼」，輸入註冊信箱，依郵件中的連結設定新密碼。連結 1 小時內有效。' },
        { language: 'en' as const, title: 'Resetting a forgotten password', body: 'On the sign-in page click “Forgot password”, enter your e-mail and follow the link in the message. The link is valid for one hour.' },
      ],
    },
  ];
  for (const input of articles) {
    const article = await createArticle(tx, ctx, input);
    await setArticleStatus(tx, ctx, article.id, 'published');
  }
  await createArticle(tx, ctx, { categoryId: hardware.id, translations: [{ language: 'zh-CN', title: '空调不制冷的排查步骤（草稿）', body: '检查滤网、室外机散热和制冷剂压力。' }] });
  await applyCalendarPreset(tx, ctx, 'cn-2026');
}
