/**
 * Browser flows: the real server (child process, fresh embedded database) driven by Debian's Chromium
 * through playwright-core. Run by `npm run test:e2e` after the web build.
 *
 *   sign up → signed in → 简体中文 → invite a member → sign out → accept the invite in a fresh browser
 *   → sign out → the admin signs in again (and gets the language they chose) → the demo account signs in
 *   → creates a contact with a Chinese name, finds it with Ctrl+K by pinyin initials → edits its phone
 *   and sees the change in its history → creates an account and links the contact → imports a CSV with Chinese headers through the mapping step
 *   → scans for duplicates and merges two.
 *
 * Prints `ok - <step>` / `not ok - <step>` and closes with `N passed, M failed`; exits 1 on any failure.
 * Screenshots: test-results/e2e-NN-<step>.png for every step, docs/screenshots/home-zh-CN.png (README).
 * Without Chromium the browser part is skipped with install instructions (exit 0), except under CI=true.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import iconv from 'iconv-lite';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startDovecot } from '../dovecot.js';
import { assert, dragCard, pickOption, rowNames, type AreaContext, type Step } from './harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resultsDir = path.join(root, 'test-results');
const readmeShot = path.join(root, 'docs/screenshots/home-zh-CN.png');
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const inCi = process.env.CI === 'true';
/**
 * `E2E_AREAS=30,32 npm run test:e2e`: only the server, the demo sign-in and the area files starting with those
 * prefixes — a quick loop while working on an area (CI runs everything).
 */
const onlyAreas = process.env.E2E_AREAS?.split(',').map((prefix) => prefix.trim()).filter(Boolean) ?? null;
const ESSENTIAL_STEPS = ['server starts', 'Chromium launches', 'the demo account signs in'];
/** The demo account the server creates on first start (server/db/demo-data.ts). */
const DEMO = { email: 'demo@guanxi.dev', password: 'guanxi-demo' } as const;

/** The 2-core machine is slow: generous, but a hang still ends. */
const STEP_TIMEOUT_MS = 30_000;
const SERVER_START_TIMEOUT_MS = 120_000;
const VIEWPORT = { width: 1280, height: 800 };
/** The opportunities board: its six stage columns side by side. */
const BOARD_VIEWPORT = { width: 1680, height: 900 };
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// ------------------------------------------------------------------ harness


let passed = 0;
let failed = 0;
/** The page the latest step worked on: screenshotted after each step, pass or fail. */
let activePage: Page | null = null;

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function screenshotStep(index: number, name: string, suffix = ''): Promise<void> {
  if (!activePage || activePage.isClosed()) return;
  const file = path.join(resultsDir, `e2e-${String(index + 1).padStart(2, '0')}-${slug(name)}${suffix}.png`);
  await activePage.screenshot({ path: file, timeout: 10_000 }).catch(() => undefined);
}

/** The toasts, notifications and error alerts showing when a step failed: often the reason, which the timeout hides. */
async function visibleNotices(page: Page): Promise<string[]> {
  const notices = page.locator('.ant-message-notice, .ant-notification-notice, .ant-alert-error, .ant-modal-confirm');
  const texts = await notices.allInnerTexts().catch(() => [] as string[]);
  return texts.map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean).slice(0, 5);
}

/** Runs the steps in order; after a failure the later steps of the same flow (the main one, or one area) are not run. */
async function runSteps(steps: Step[]): Promise<void> {
  const brokenIn = new Map<string, string>();
  for (const [index, step] of steps.entries()) {
    const broken = brokenIn.get(step.area ?? '');
    if (broken) {
      failed += 1;
      console.log(`not ok - ${step.name} (not run: "${broken}" failed)`);
      continue;
    }
    const started = Date.now();
    try {
      await withTimeout(step.run(), step.timeoutMs ?? STEP_TIMEOUT_MS, step.name);
      passed += 1;
      console.log(`ok - ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      await screenshotStep(index, step.name);
    } catch (err) {
      failed += 1;
      brokenIn.set(step.area ?? '', step.name);
      console.log(`not ok - ${step.name}`);
      // Without the colours of Playwright's call log.
      const message = (err instanceof Error ? (err.stack ?? err.message) : String(err)).replace(/\u001b\[[0-9;]*m/g, '');
      console.log(message.split('\n').slice(0, 12).map((line) => `  # ${line}`).join('\n'));
      if (activePage && !activePage.isClosed()) {
        console.log(`  # page: ${activePage.url()}`);
        for (const line of await visibleNotices(activePage)) console.log(`  # on screen: ${line}`);
      }
      await screenshotStep(index, step.name, '-FAILED');
    }
  }
}

// ------------------------------------------------------------------ server and browser

let server: ChildProcess | null = null;
let serverLog = '';
/** What the pages reported (errors, failed requests): printed when a step fails. */
const browserLog: string[] = [];
function noteBrowser(line: string): void {
  browserLog.push(line);
  if (browserLog.length > 40) browserLog.shift();
}
let browser: Browser | null = null;
let dataDir: string | null = null;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function startServer(port: number, baseUrl: string, env: Record<string, string> = {}): void {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-e2e-'));
  // A fresh embedded database whatever the caller's environment points at.
  const { DATABASE_URL: _db, TEST_DATABASE_URL: _test, ...inherited } = process.env;
  server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...inherited,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      GUANXI_DATA_DIR: dataDir,
      GUANXI_DEMO: 'true', // the README screenshot shows the demo workspace
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    serverLog = (serverLog + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
}

async function waitReady(baseUrl: string): Promise<void> {
  for (;;) {
    if (!server || server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`the server exited (code ${server?.exitCode}, signal ${server?.signalCode}) before it was ready`);
    }
    try {
      const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Stops the browser and the server (SIGTERM, then SIGKILL after 10 s) and removes the data folder. */
async function cleanup(): Promise<void> {
  hookReceiver?.close();
  hookReceiver = null;
  if (browser) {
    await withTimeout(browser.close(), 15_000, 'closing the browser').catch(() => undefined);
    browser = null;
  }
  const child = server;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  }
  server = null;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  dataDir = null;
}

// Last resort when the process goes away some other way: nothing we started may outlive us.
process.on('exit', () => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.log(`\n${signal}: stopping the server and the browser`);
    void cleanup().finally(() => process.exit(1));
  });
}

function hasCjkFont(): boolean {
  const result = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() !== '';
}

// ------------------------------------------------------------------ integrations: a webhook receiver

interface ReceivedHook {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A webhook endpoint on loopback: keeps every POST it gets, answers 204. Closed by `cleanup`. */
let hookReceiver: http.Server | null = null;
async function startHookReceiver(received: ReceivedHook[]): Promise<string> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  hookReceiver = server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert(address && typeof address === 'object', 'the webhook receiver has no port');
  return `http://127.0.0.1:${address.port}/hooks/guanxi`;
}

/** Whether `Guanxi-Signature: t=…,v1=…` is the HMAC-SHA256 of "<t>.<body>" with the endpoint's secret. */
function signedWith(secret: string, hook: ReceivedHook): boolean {
  const header = String(hook.headers['guanxi-signature'] ?? '');
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  return Boolean(match && createHmac('sha256', secret).update(`${match[1]}.${hook.body}`).digest('hex') === match[2]);
}

// ------------------------------------------------------------------ the flow

interface SessionBody {
  user: { email: string; name: string; locale?: string };
  workspace: { name: string };
  membership: { role: string };
}

/** The session as the server sees it for this browser context (its cookies). */
async function sessionOf(context: BrowserContext, baseUrl: string): Promise<{ status: number; body: SessionBody | null }> {
  const res = await context.request.get(`${baseUrl}/api/v1/auth/session`);
  return { status: res.status(), body: res.ok() ? ((await res.json()) as SessionBody) : null };
}

async function newContext(): Promise<BrowserContext> {
  assert(browser, 'no browser');
  // English browser: the language switch below is what turns the UI Chinese.
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
  // A little under the step's limit, so that Playwright's own message (what it waited for) is the one shown.
  context.setDefaultTimeout(STEP_TIMEOUT_MS - 5_000);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS - 5_000);
  context.on('page', (page) => {
    page.on('pageerror', (err) => noteBrowser(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') noteBrowser(`console: ${msg.text()}`);
    });
    page.on('requestfailed', (req) => noteBrowser(`request failed: ${req.method()} ${req.url()} ${req.failure()?.errorText ?? ''}`));
    page.on('response', (res) => {
      // 401 from /auth/session is how a signed-out page learns it is signed out.
      if (res.status() >= 400 && !(res.status() === 401 && res.url().endsWith('/auth/session'))) {
        noteBrowser(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
      }
    });
  });
  return context;
}

async function expectPath(page: Page, pathname: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === pathname);
}

async function signOut(page: Page): Promise<void> {
  // On a loaded machine a click can land while antd's dropdown is still being placed (the page scrolls to where it
  // first appeared, then it moves): open the menu again and retry once before calling sign-out broken.
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    try {
      await page.waitForURL((url) => url.pathname === '/sign-in', { timeout: attempt === 1 ? 10_000 : undefined });
      break;
    } catch (err) {
      if (attempt > 1) throw err;
      await page.keyboard.press('Escape');
    }
  }
  await page.getByTestId('sign-in-submit').waitFor();
}

/**
 * The steps of each area in test/e2e/areas/*.ts (a `steps(context)` export), in file-name order, after the
 * main flow: one file per module keeps this runner from growing with every screen.
 */
async function areaSteps(context: AreaContext): Promise<Step[]> {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'areas');
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  const all: Step[] = [];
  for (const file of files) {
    const area = (await import(path.join(dir, file))) as { steps: (c: AreaContext) => Step[] };
    const steps = area.steps(context).map((step) => ({ ...step, area: file }));
    // Each area starts on a freshly loaded home page, whatever drawer or dialog the one before left open.
    const [first, ...rest] = steps;
    if (!first) continue;
    all.push(
      {
        ...first,
        run: async () => {
          await context.demoPage().goto(`${context.baseUrl}/`);
          await first.run();
        },
      },
      ...rest,
    );
  }
  return all;
}

async function main(): Promise<number> {
  if (!fs.existsSync(executablePath)) {
    if (inCi) {
      console.log(`not ok - Chromium is installed (${executablePath} not found; CI=true requires it)`);
      console.log('  # install it with: apt-get install chromium fonts-noto-cjk');
      console.log('0 passed, 1 failed');
      return 1;
    }
    console.log(`Chromium not found at ${executablePath} (set CHROMIUM_PATH to use another one).`);
    console.log('To run the browser tests: apt-get install chromium fonts-noto-cjk');
    console.log('skipped: browser tests (test/e2e) — Chromium is not installed');
    return 0;
  }
  if (!fs.existsSync(path.join(root, 'dist/web/index.html'))) {
    console.log('not ok - the web app is built (dist/web/index.html missing: run `npx vite build`)');
    console.log('0 passed, 1 failed');
    return 1;
  }
  fs.mkdirSync(resultsDir, { recursive: true });
  for (const old of fs.readdirSync(resultsDir)) if (/^e2e-.*\.png$/.test(old)) fs.rmSync(path.join(resultsDir, old));
  const cjk = hasCjkFont();
  if (!cjk) console.log('# warning: no Chinese font (apt-get install fonts-noto-cjk); docs/screenshots/home-zh-CN.png is left as it is');

  const port = await freePort();
  /** The server's inbound SMTP listener (the e-mail steps send to it). */
  const smtpPort = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Every run has a fresh database, so fixed names do not collide.
  const admin = { workspace: '华夏贸易 Huaxia Trading', name: '王芳 Wang Fang', email: 'wang.fang@huaxia.example', password: 'e2e admin password 1' };
  const member = { name: '李雷 Li Lei', email: 'li.lei@huaxia.example', password: 'e2e member password 1' };
  let adminContext: BrowserContext | null = null;
  let adminPage: Page | null = null;
  let memberPage: Page | null = null;
  let demoPage: Page | null = null;
  // A name no demo contact shares initials with: 测试王伟 → csww.
  const probe = { name: '测试王伟', initials: 'csww', company: '测试科技有限公司', phone: '139 0000 1234', shownPhone: '139 0000 1234' };
  const newPhone = { typed: '+886 2 2345 6789', e164: '+886223456789' };
  let probeId = '';
  let inviteUrl = '';
  let readmeWritten = false;
  // Telephony steps: the caller they create, and when their call rang (a minute ago, so the times are past).
  let callerId = '';
  const callStart = Date.now() - 60_000;
  // Integration steps: the webhook receiver's URL and what it got, the endpoint's secret.
  const hooks: ReceivedHook[] = [];
  let hookUrl = '';
  let hookSecret = '';

  const steps: Step[] = [
    {
      name: 'server starts on a fresh embedded database and answers /readyz',
      timeoutMs: SERVER_START_TIMEOUT_MS,
      run: async () => {
        startServer(port, baseUrl, { INBOUND_SMTP_PORT: String(smtpPort), INBOUND_SMTP_HOST: '127.0.0.1' });
        await waitReady(baseUrl);
      },
    },
    {
      name: 'Chromium launches',
      timeoutMs: 60_000,
      run: async () => {
        browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
        adminContext = await newContext();
        adminPage = await adminContext.newPage();
        activePage = adminPage;
      },
    },
    {
      name: 'sign up a new workspace and land signed in',
      run: async () => {
        assert(adminPage && adminContext, 'no page');
        await adminPage.goto(`${baseUrl}/sign-up`);
        await adminPage.locator('input[name="workspaceName"]').fill(admin.workspace);
        await adminPage.locator('input[name="name"]').fill(admin.name);
        await adminPage.locator('input[name="email"]').fill(admin.email);
        await adminPage.locator('input[name="password"]').fill(admin.password);
        await adminPage.getByTestId('sign-up-submit').click();
        await expectPath(adminPage, '/');
        await adminPage.getByTestId('nav-home').waitFor();
        await adminPage.getByTestId('home-greeting').waitFor();
        const session = await sessionOf(adminContext, baseUrl);
        assert(session.status === 200, `GET /auth/session answered ${session.status} after sign-up`);
        assert(session.body?.user.email === admin.email, `signed in as ${session.body?.user.email}, not ${admin.email}`);
        assert(session.body?.membership.role === 'admin', `the first user's role is ${session.body?.membership.role}, not admin`);
        const workspaceName = (await adminPage.getByTestId('workspace-name').innerText()).trim();
        assert(workspaceName === admin.workspace, `the header shows workspace "${workspaceName}"`);
      },
    },
    {
      name: 'switch the language to 简体中文 and see Chinese UI text',
      run: async () => {
        assert(adminPage && adminContext, 'no page');
        await adminPage.getByTestId('lang-switch').click();
        await adminPage.getByTestId('lang-zh-CN').click();
        await adminPage.getByTestId('nav-contacts').filter({ hasText: '联系人' }).waitFor();
        await adminPage.getByTestId('nav-settings').filter({ hasText: '设置' }).waitFor();
        const lang = await adminPage.evaluate(() => document.documentElement.lang);
        assert(lang === 'zh-CN', `<html lang> is "${lang}", not zh-CN`);
        // The choice is saved to the user (PATCH /me), not only to this browser.
        const deadline = Date.now() + 10_000;
        let saved: string | undefined;
        while (Date.now() < deadline) {
          const res = await adminContext.request.get(`${baseUrl}/api/v1/me`);
          saved = res.ok() ? ((await res.json()) as { locale?: string }).locale : `HTTP ${res.status()}`;
          if (saved === 'zh-CN') break;
          await adminPage.waitForTimeout(250);
        }
        assert(saved === 'zh-CN', `GET /me says locale ${saved} after switching to 简体中文`);
      },
    },
    {
      name: 'invite a member from Settings → Members and read the invite link',
      run: async () => {
        assert(adminPage, 'no page');
        await adminPage.getByTestId('nav-settings').click();
        await adminPage.getByTestId('settings-tab-members').click();
        await expectPath(adminPage, '/settings/members');
        await adminPage.getByTestId('members-table').getByText(admin.email).waitFor();
        // .first(): the page may show a second invite-open button in the empty invitations list.
        await adminPage.getByTestId('invite-open').first().click();
        const modal = adminPage.locator('.ant-modal').filter({ has: adminPage.getByTestId('invite-submit') });
        await modal.locator('input[name="email"]').fill(member.email);
        await adminPage.getByTestId('invite-submit').click();
        const text = (await adminPage.getByTestId('invite-url').innerText()).trim();
        const found = /https?:\/\/\S+/.exec(text)?.[0] ?? '';
        assert(found.startsWith(`${baseUrl}/invite/`), `invite-url shows "${text}", not a link under ${baseUrl}/invite/`);
        inviteUrl = found;
        await adminPage.getByTestId('invite-done').click();
        await adminPage.getByTestId('invites-table').getByText(member.email).waitFor();
      },
    },
    {
      name: 'the admin signs out',
      run: async () => {
        assert(adminPage && adminContext, 'no page');
        await signOut(adminPage);
        const session = await sessionOf(adminContext, baseUrl);
        assert(session.status === 401, `GET /auth/session answered ${session.status} after signing out, not 401`);
      },
    },
    {
      name: 'accept the invitation in a fresh browser and land signed in as the member',
      run: async () => {
        const context = await newContext();
        memberPage = await context.newPage();
        activePage = memberPage;
        await memberPage.goto(inviteUrl);
        const shownWorkspace = (await memberPage.getByTestId('invite-workspace').innerText()).trim();
        assert(shownWorkspace === admin.workspace, `the invitation names workspace "${shownWorkspace}"`);
        await memberPage.locator('input[name="name"]').fill(member.name);
        await memberPage.locator('input[name="password"]').fill(member.password);
        await memberPage.getByTestId('invite-accept-submit').click();
        await expectPath(memberPage, '/');
        await memberPage.getByTestId('nav-home').waitFor();
        await memberPage.getByTestId('user-menu').filter({ hasText: member.name }).waitFor();
        const session = await sessionOf(context, baseUrl);
        assert(session.status === 200, `GET /auth/session answered ${session.status} after accepting`);
        assert(session.body?.user.email === member.email, `signed in as ${session.body?.user.email}, not ${member.email}`);
        assert(session.body?.workspace.name === admin.workspace, `the member is in workspace "${session.body?.workspace.name}"`);
        assert(session.body?.membership.role === 'sales', `the member's role is ${session.body?.membership.role}, not sales (the default)`);
      },
    },
    {
      name: 'the member signs out',
      run: async () => {
        assert(memberPage, 'no page');
        await signOut(memberPage);
      },
    },
    {
      name: 'the admin signs in again (fresh browser) and gets Chinese, their saved language',
      run: async () => {
        const context = await newContext();
        const page = await context.newPage();
        activePage = page;
        await page.goto(`${baseUrl}/sign-in`);
        await page.locator('input[name="email"]').fill(admin.email);
        await page.locator('input[name="password"]').fill(admin.password);
        await page.getByTestId('sign-in-submit').click();
        await expectPath(page, '/');
        await page.getByTestId('nav-contacts').filter({ hasText: '联系人' }).waitFor();
        const session = await sessionOf(context, baseUrl);
        assert(session.body?.user.email === admin.email, `signed in as ${session.body?.user.email}, not ${admin.email}`);
        await page.getByTestId('nav-settings').click();
        await page.getByTestId('settings-tab-members').click();
        await page.getByTestId('members-table').getByText(member.email).waitFor();
      },
    },
    {
      name: 'the demo account signs in (zh-CN saved) and its home page is the README screenshot',
      run: async () => {
        const context = await newContext();
        const page = await context.newPage();
        activePage = page;
        demoPage = page;
        await page.goto(`${baseUrl}/sign-in`);
        await page.locator('input[name="email"]').fill(DEMO.email);
        await page.locator('input[name="password"]').fill(DEMO.password);
        await page.getByTestId('sign-in-submit').click();
        await expectPath(page, '/');
        await page.getByTestId('nav-contacts').filter({ hasText: '联系人' }).waitFor();
        await page.getByTestId('home-greeting').waitFor();
        await page.getByTestId('figure-contacts').filter({ hasText: /[1-9]/ }).waitFor();
        await page.waitForLoadState('networkidle');
        await page.evaluate(async () => {
          await document.fonts.ready;
        });
        await page.waitForTimeout(500); // let Ant Design's entry animations settle
        if (cjk) {
          fs.mkdirSync(path.dirname(readmeShot), { recursive: true });
          await page.screenshot({ path: readmeShot });
          readmeWritten = true;
        }
      },
    },
    {
      name: 'create a contact with a Chinese name and find it by pinyin initials',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        await page.getByTestId('nav-contacts').click();
        await expectPath(page, '/contacts');
        await page.getByTestId('contact-add').click();
        const modal = page.locator('.ant-modal').filter({ has: page.getByTestId('contact-submit') });
        await modal.locator('input[name="name"]').fill(probe.name);
        await modal.locator('input[name="company"]').fill(probe.company);
        await modal.locator('input[name="phone"]').fill(probe.phone);
        await page.getByTestId('contact-submit').click();
        await page.getByTestId('contacts-table').getByText(probe.name, { exact: true }).waitFor();
        // The shortcut opens the palette with the focus in its box: typing goes there.
        await page.keyboard.press('Control+k');
        await page.getByTestId('search-input').waitFor();
        await page.keyboard.type(probe.initials);
        await page.getByTestId('search-result').filter({ hasText: probe.name }).waitFor();
        const first = (await page.getByTestId('search-result').first().innerText()).trim();
        assert(first.startsWith(probe.name), `the first hit for "${probe.initials}" is "${first}", not ${probe.name}`);
        await page.keyboard.press('Enter');
        await page.waitForURL((url) => /^\/contacts\/[0-9a-f-]{36}$/.test(url.pathname));
        probeId = new URL(page.url()).pathname.split('/').pop() ?? '';
        const shown = (await page.getByTestId('contact-name').innerText()).trim();
        assert(shown === probe.name, `the contact page shows "${shown}", not ${probe.name}`);
        const phone = (await page.getByTestId('contact-phone').innerText()).trim();
        assert(phone === probe.shownPhone, `the phone is shown as "${phone}", not "${probe.shownPhone}"`);
      },
    },
    {
      name: "edit the contact's phone and see it in its history",
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        await page.getByTestId('contact-edit').click();
        const modal = page.locator('.ant-modal').filter({ has: page.getByTestId('contact-submit') });
        await modal.locator('input[name="phone"]').fill(newPhone.typed);
        await page.getByTestId('contact-submit').click();
        await page.getByTestId('contact-phone').filter({ hasText: newPhone.typed }).waitFor();
        const res = await page.context().request.get(`${baseUrl}/api/v1/contacts/${probeId}`);
        const stored = res.ok() ? ((await res.json()) as { phone?: string }).phone : `HTTP ${res.status()}`;
        assert(stored === newPhone.e164, `the server stored phone ${stored}, not ${newPhone.e164}`);
        await page.getByTestId('contact-tab-history').click();
        // Newest first: the change, then the creation.
        const newest = page.getByTestId('contact-history-entry').first();
        await newest.filter({ hasText: newPhone.typed }).waitFor();
        const text = await newest.innerText();
        assert(text.includes(probe.shownPhone), `the newest history entry does not show the old phone ${probe.shownPhone}: ${text}`);
        assert(text.includes('电话'), `the newest history entry does not label the field 电话: ${text}`);
        const entries = await page.getByTestId('contact-history-entry').count();
        assert(entries === 2, `the history has ${entries} entries, not 2 (created, changed)`);
      },
    },
    {
      name: 'create an account, link the contact in a role, and see the link on both pages',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        await page.getByTestId('nav-accounts').click();
        await expectPath(page, '/accounts');
        await page.getByTestId('account-add').click();
        const modal = page.locator('.ant-modal').filter({ has: page.getByTestId('account-submit') });
        await modal.locator('input[name="name"]').fill('测试科技有限公司');
        await modal.locator('input[name="industry"]').fill('软件');
        await page.getByTestId('account-submit').click();
        await page.waitForURL((url) => /^\/accounts\/[0-9a-f-]{36}$/.test(url.pathname));
        await page.getByTestId('account-name').filter({ hasText: '测试科技有限公司' }).waitFor();
        await page.getByTestId('account-contact-pick').click();
        await page.keyboard.type(probe.name);
        await page.locator('.ant-select-item-option').filter({ hasText: probe.name }).first().click();
        await page.getByTestId('account-contact-link').click();
        await page.getByTestId('account-contacts-row').filter({ hasText: probe.name }).waitFor();
        await page.getByTestId('figure-contacts').filter({ hasText: '1' }).waitFor();
        await page.getByTestId('account-contacts-row').getByRole('link', { name: probe.name }).click();
        await expectPath(page, `/contacts/${probeId}`);
        await page.getByTestId('panel-accounts').filter({ hasText: '测试科技有限公司' }).waitFor();
      },
    },
    {
      name: 'import a CSV through the mapping step and watch the progress bar finish',
      timeoutMs: 60_000,
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        // Chinese headers, UTF-8 without BOM: the server suggests name, phone, email for them.
        const csv = path.join(os.tmpdir(), `guanxi-e2e-import-${process.pid}.csv`);
        fs.writeFileSync(csv, '姓名,手机,邮箱\n导入测试甲,13800001111,import-a@e2e.example\n导入测试乙,13800002222,import-b@e2e.example\n', 'utf8');
        try {
          await page.getByTestId('nav-contacts').click();
          await page.getByTestId('import-open').click();
          await expectPath(page, '/contacts/import');
          await page.getByTestId('import-file').setInputFiles(csv);
          await page.getByTestId('import-next').click();
          const mapping = page.getByTestId('import-mapping');
          await mapping.waitFor();
          const mapped = await mapping.locator('[data-testid^="import-map-"]').allInnerTexts();
          assert(mapped.length === 3 && !mapped.some((m) => m.includes('不导入')), `the columns are not all mapped: ${mapped.join(' | ')}`);
          await page.getByTestId('import-preview').filter({ hasText: '导入测试乙' }).waitFor();
          await page.getByTestId('import-next').click();
          await page.getByTestId('import-start').click();
          await page.getByTestId('import-progress').waitFor();
          await page.getByTestId('import-done').waitFor({ timeout: 45_000 });
          const created = (await page.getByTestId('import-count-created').innerText()).replace(/\D/g, '');
          assert(created === '2', `the import created ${created} contacts, not 2`);
          const res = await page.context().request.get(`${baseUrl}/api/v1/contacts?filter=email:eq:import-b@e2e.example`);
          const rows = res.ok() ? ((await res.json()) as { data: { name: string; phone: string }[] }).data : [];
          assert(rows[0]?.name === '导入测试乙' && rows[0]?.phone === '+8613800002222', `the imported contact is ${JSON.stringify(rows)}`);
        } finally {
          fs.rmSync(csv, { force: true });
        }
      },
    },
    {
      name: 'merge two duplicates',
      timeoutMs: 60_000,
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        const ids: string[] = [];
        for (const company of ['合并测试有限公司', null]) {
          const res = await page.context().request.post(`${baseUrl}/api/v1/contacts`, {
            data: { name: '合并测试', email: 'merge-me@e2e.example', ...(company ? { company } : {}) },
          });
          assert(res.status() === 201, `creating a duplicate answered HTTP ${res.status()}`);
          ids.push(((await res.json()) as { id: string }).id);
        }
        await page.getByTestId('nav-contacts').click();
        await page.getByTestId('contacts-duplicates').click();
        await expectPath(page, '/contacts/duplicates');
        await page.getByTestId('duplicates-scan').click();
        await page.locator('[data-testid="job-progress"][data-state="succeeded"]').waitFor({ timeout: 45_000 });
        const group = page.getByTestId('duplicate-group').filter({ hasText: 'merge-me@e2e.example' });
        await group.waitFor();
        await group.getByTestId('duplicate-merge').click();
        await page.getByTestId('merge-confirm').waitFor();
        await page.getByTestId('merge-confirm').click();
        await page.getByTestId('merge-confirm').waitFor({ state: 'detached' });
        await group.waitFor({ state: 'detached' });
        const statuses = await Promise.all(ids.map(async (id) => (await page.context().request.get(`${baseUrl}/api/v1/contacts/${id}`)).status()));
        assert(statuses.filter((s) => s === 200).length === 1, `after the merge the two contacts answer ${statuses.join(', ')}, not one 200`);
        const kept = ids[statuses.indexOf(200)];
        const res = await page.context().request.get(`${baseUrl}/api/v1/contacts/${kept}`);
        const company = ((await res.json()) as { company: string | null }).company;
        assert(company === '合并测试有限公司', `the merged contact's company is ${company}, not the one only the other record had`);
      },
    },
    {
      name: 'filter contacts with the builder (two conditions, any), save it as a view, reload and apply it',
      timeoutMs: 60_000,
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        for (const [name, company, email] of [
          ['筛选甲', '筛选甲贸易公司', 'filter-a@e2e.example'],
          ['筛选乙', '另一家公司', 'filter-b@e2e.example'],
          ['筛选丙', '筛选丙贸易公司', 'filter-c@e2e.example'],
        ] as const) {
          const res = await page.context().request.post(`${baseUrl}/api/v1/contacts`, { data: { name, company, email } });
          assert(res.status() === 201, `creating ${name} answered HTTP ${res.status()}`);
        }
        await page.goto(`${baseUrl}/contacts`);
        await page.getByTestId('contacts-table').waitFor();
        // `f` opens the builder with the focus on "add condition".
        await page.keyboard.press('f');
        await page.getByTestId('contacts-filter-builder').waitFor();
        await page.getByTestId('filter-add').click();
        await pickOption(page, page.getByTestId('filter-field').nth(0), '公司');
        await page.getByTestId('filter-value').nth(0).fill('筛选甲');
        await page.getByTestId('filter-add').click();
        await pickOption(page, page.getByTestId('filter-field').nth(1), '邮箱');
        await pickOption(page, page.getByTestId('filter-operator').nth(1), '等于');
        await page.getByTestId('filter-value').nth(1).fill('filter-b@e2e.example');
        // A wrong custom logic: the server's translated reason shows beside the builder.
        await page.getByTestId('filter-match-custom').click();
        await page.getByTestId('filter-logic').fill('1 AND 3');
        await page.getByTestId('filter-apply').click();
        const refusal = (await page.getByTestId('filter-error').innerText()).trim();
        assert(refusal.includes('3'), `the logic error does not name the missing filter 3: ${refusal}`);
        await page.getByTestId('filter-match-any').click();
        await page.getByTestId('filter-apply').click();
        await page.waitForURL((url) => url.searchParams.getAll('f').length === 2 && url.searchParams.get('logic') === 'any');
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="contacts-table"] [data-testid="list-row"]').length === 2);
        let names = await rowNames(page, 'contacts-table');
        assert(names.join(',') === '筛选乙,筛选甲', `the filtered list shows ${names.join(', ')}, not 筛选甲 and 筛选乙`);
        await page.getByTestId('view-menu').click();
        await page.getByTestId('view-save-new').click();
        await page.getByTestId('view-name').fill('筛选测试视图');
        await page.getByTestId('view-save').click();
        await page.waitForURL((url) => Boolean(url.searchParams.get('view')));
        // A fresh load of the plain list, then the saved view.
        await page.goto(`${baseUrl}/contacts`);
        await page.getByTestId('contacts-table').locator('[data-testid="list-row"]').first().waitFor();
        await pickOption(page, page.getByTestId('contacts-view-select'), '筛选测试视图');
        await page.waitForURL((url) => url.searchParams.getAll('f').length === 2);
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="contacts-table"] [data-testid="list-row"]').length === 2);
        names = await rowNames(page, 'contacts-table');
        assert(names.join(',') === '筛选乙,筛选甲', `the saved view shows ${names.join(', ')}, not 筛选甲 and 筛选乙`);
        assert((await page.getByTestId('filter-number').count()) === 2, 'the builder does not number the two conditions of the view');
      },
    },
    {
      name: 'select two contacts and add a tag to both in bulk',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        const rows = page.getByTestId('contacts-table').locator('[data-testid="list-row"]');
        for (const name of ['筛选甲', '筛选乙']) await rows.filter({ hasText: name }).locator('.ant-checkbox-input').click();
        await page.getByTestId('bulk-bar').filter({ hasText: '2' }).waitFor();
        await page.getByTestId('bulk-add-tag').click();
        await page.getByTestId('bulk-tag').fill('重点客户');
        await page.getByTestId('bulk-apply').click();
        // Done when the selection clears (its toast lasts 3 s: a slow machine may read after it went).
        await page.getByTestId('bulk-bar').waitFor({ state: 'detached' });
        for (const name of ['筛选甲', '筛选乙']) await rows.filter({ hasText: name }).getByTestId('tag-list').filter({ hasText: '重点客户' }).waitFor();
        const res = await page.context().request.get(`${baseUrl}/api/v1/contacts?filter=${encodeURIComponent('email:contains:filter-')}`);
        const stored = ((await res.json()) as { data: { name: string; tags: string[] }[] }).data;
        const tagged = stored.filter((c) => c.tags.includes('重点客户')).map((c) => c.name).sort();
        assert(tagged.join(',') === '筛选乙,筛选甲', `the server has the tag on ${tagged.join(', ') || 'no contact'}`);
        // Esc clears the selection.
        await rows.first().locator('.ant-checkbox-input').click();
        await page.getByTestId('bulk-bar').waitFor();
        await page.locator('body').click({ position: { x: 5, y: 300 } });
        await page.keyboard.press('Escape');
        await page.getByTestId('bulk-bar').waitFor({ state: 'detached' });
      },
    },
    {
      name: 'switch accounts to kanban, drag a card to another column, reload and see it stayed',
      timeoutMs: 60_000,
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        await page.goto(`${baseUrl}/accounts`);
        await page.getByTestId('accounts-mode-kanban').click();
        await page.getByTestId('accounts-kanban').waitFor();
        const card = page.locator('[data-testid="kanban-column"][data-column="prospect"] [data-testid="kanban-card"]').filter({ hasText: '测试科技有限公司' });
        const target = page.locator('[data-testid="kanban-column"][data-column="partner"]');
        await card.waitFor();
        await dragCard(page, card, target);
        await target.locator('[data-testid="kanban-card"]').filter({ hasText: '测试科技有限公司' }).waitFor();
        await page.reload();
        await page.getByTestId('accounts-kanban').waitFor();
        await page.locator('[data-testid="kanban-column"][data-column="partner"] [data-testid="kanban-card"]').filter({ hasText: '测试科技有限公司' }).waitFor();
        const left = await page.locator('[data-testid="kanban-column"][data-column="prospect"] [data-testid="kanban-card"]').filter({ hasText: '测试科技有限公司' }).count();
        assert(left === 0, 'after the reload the card is still in the prospect column');
        const res = await page.context().request.get(`${baseUrl}/api/v1/accounts?filter=${encodeURIComponent('name:eq:测试科技有限公司')}`);
        const type = ((await res.json()) as { data: { type: string }[] }).data[0]?.type;
        assert(type === 'partner', `the server has the account as ${type}, not partner`);
        // A custom single select groups the board as well; a move writes the custom value.
        const field = await page.context().request.post(`${baseUrl}/api/v1/custom-fields`, {
          data: {
            objectType: 'accounts',
            key: 'sales_region',
            label: { 'zh-CN': '销售大区', 'zh-TW': '銷售大區', en: 'Sales region' },
            type: 'single_select',
            options: { choices: [{ value: 'east', label: { 'zh-CN': '华东', en: 'East' } }, { value: 'south', label: { 'zh-CN': '华南', en: 'South' } }] },
          },
        });
        assert(field.status() === 201, `creating the custom field answered HTTP ${field.status()}`);
        await page.reload();
        await pickOption(page, page.getByTestId('accounts-group-by'), '销售大区');
        await page.locator('[data-testid="kanban-column"][data-column="south"]').filter({ hasText: '华南' }).waitFor();
        await dragCard(page, page.locator('[data-testid="kanban-column"][data-column="(none)"] [data-testid="kanban-card"]').filter({ hasText: '测试科技有限公司' }), page.locator('[data-testid="kanban-column"][data-column="south"]'));
        await page.locator('[data-testid="kanban-column"][data-column="south"] [data-testid="kanban-card"]').filter({ hasText: '测试科技有限公司' }).waitFor();
        const after = await page.context().request.get(`${baseUrl}/api/v1/accounts?filter=${encodeURIComponent('custom.sales_region:eq:south')}`);
        const names = ((await after.json()) as { data: { name: string }[] }).data.map((a) => a.name);
        assert(names.includes('测试科技有限公司'), `the server has no account in the south region: ${names.join(', ')}`);
      },
    },
    {
      name: 'the contacts list with a selection, and the contacts kanban, in English (docs screenshots)',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        await page.getByTestId('lang-switch').click();
        await page.getByTestId('lang-en').click();
        await page.goto(`${baseUrl}/contacts`);
        const rows = page.getByTestId('contacts-table').locator('[data-testid="list-row"]');
        await rows.nth(2).waitFor();
        for (const i of [0, 2]) await rows.nth(i).locator('.ant-checkbox-input').click();
        await page.getByTestId('bulk-count').filter({ hasText: '2 selected' }).waitFor();
        await page.waitForTimeout(500); // checkbox and segmented animations
        await page.screenshot({ path: path.join(root, 'docs/screenshots/contacts-list-en.png') });
        await page.getByTestId('contacts-mode-kanban').click();
        await page.getByTestId('contacts-kanban').locator('[data-testid="kanban-card"]').first().waitFor();
        await page.getByTestId('contacts-group-by').filter({ hasText: 'Lifecycle stage' }).waitFor();
        await page.waitForTimeout(500);
        await page.screenshot({ path: path.join(root, 'docs/screenshots/contacts-kanban-en.png') });
        await page.getByTestId('lang-switch').click();
        await page.getByTestId('lang-zh-CN').click();
      },
    },
    {
      name: 'scroll a long contacts list: rows stay virtual and the next page loads',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        const items = Array.from({ length: 150 }, (_, i) => ({ name: `滚动测试 ${String(i + 1).padStart(3, '0')}` }));
        const res = await page.context().request.post(`${baseUrl}/api/v1/contacts/bulk`, { data: { items } });
        assert(res.ok(), `creating 150 contacts answered HTTP ${res.status()}`);
        await page.goto(`${baseUrl}/contacts?mode=list`);
        const rows = page.getByTestId('contacts-table').locator('[data-testid="list-row"]');
        await rows.first().waitFor();
        const nextPage = page.waitForRequest((req) => req.url().includes('/api/v1/contacts?') && req.url().includes('cursor='));
        const body = await page.getByTestId('contacts-table').locator('.ant-table-body, .ant-table-tbody-virtual-holder').first().boundingBox();
        assert(body, 'the table body is not on screen');
        await page.mouse.move(body.x + body.width / 2, body.y + body.height / 2);
        for (let i = 0; i < 12; i += 1) await page.mouse.wheel(0, 800);
        await nextPage;
        const inDom = await rows.count();
        assert(inDom < 50, `${inDom} rows are in the page: the table does not virtualize them`);
      },
    },
    {
      name: 'a refused kanban move goes back with the reason; a partly failed bulk change names the failures; chosen columns stay',
      timeoutMs: 45_000,
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        const refuse = (detail: string) => ({ status: 409, contentType: 'application/problem+json', body: JSON.stringify({ status: 409, code: 'CONFLICT', title: detail, detail }) });
        // The kanban: the server refuses the move.
        await page.goto(`${baseUrl}/accounts?mode=kanban&group=type`);
        await page.route('**/api/v1/accounts/*', (route) => (route.request().method() === 'PATCH' ? route.fulfill(refuse('模拟的冲突')) : route.fallback()));
        const card = (column: string) => page.locator(`[data-testid="kanban-column"][data-column="${column}"] [data-testid="kanban-card"]`).filter({ hasText: '测试科技有限公司' });
        await dragCard(page, card('partner'), page.locator('[data-testid="kanban-column"][data-column="customer"]'));
        await page.locator('.ant-message').filter({ hasText: '模拟的冲突' }).waitFor();
        await card('partner').waitFor();
        assert((await card('customer').count()) === 0, 'the refused card stayed in the customer column');
        await page.unroute('**/api/v1/accounts/*');
        // Bulk: one of two items fails; the dialog says which and why.
        await page.goto(`${baseUrl}/contacts?f=${encodeURIComponent('email:contains:filter-')}`);
        await page.route('**/api/v1/contacts/bulk', async (route) => {
          const { items } = route.request().postDataJSON() as { items: { id: string }[] };
          const results = items.map((item, index) => (index === 0 ? { index, status: 200, id: item.id } : { index, status: 403, code: 'FORBIDDEN', message: '你无权修改此联系人。' }));
          await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ succeeded: 1, failed: items.length - 1, results }) });
        });
        const rows = page.getByTestId('contacts-table').locator('[data-testid="list-row"]');
        for (const name of ['筛选甲', '筛选乙']) await rows.filter({ hasText: name }).locator('.ant-checkbox-input').click();
        await page.getByTestId('bulk-add-tag').click();
        await page.getByTestId('bulk-tag').fill('新标签');
        await page.getByTestId('bulk-apply').click();
        const report = page.getByTestId('bulk-result');
        await report.filter({ hasText: '你无权修改此联系人' }).waitFor();
        const title = await page.locator('.ant-modal-confirm-title').innerText();
        assert(title.includes('1') && title.includes('成功'), `the result says "${title}", not 1 succeeded and 1 failed`);
        await page.locator('.ant-modal-confirm-btns button').click();
        await page.locator('.ant-modal-wrap').filter({ has: page.locator('.ant-modal-confirm') }).waitFor({ state: 'hidden' });
        await page.unroute('**/api/v1/contacts/bulk');
        // Columns: show 部门, and it is still there after a reload (localStorage).
        await page.getByTestId('contacts-columns-open').click();
        await page.getByTestId('column-department').click();
        await page.getByTestId('contacts-table').locator('.ant-table-thead').filter({ hasText: '部门' }).waitFor();
        await page.reload();
        await page.getByTestId('contacts-table').locator('.ant-table-thead').filter({ hasText: '部门' }).waitFor();
      },
    },
    // ---------------------------------------------------------------- timeline and tasks (interactions module)
    {
      name: "log a call on a contact with the l key, see it on the contact's timeline and on its account's",
      timeoutMs: 45_000,
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        await page.goto(`${baseUrl}/contacts/${probeId}`);
        await page.getByTestId('timeline-empty').filter({ hasText: '记录一次通话或备注' }).waitFor();
        await page.keyboard.press('l');
        await page.getByTestId('interaction-form').waitFor();
        // A call by default, so on the phone.
        await page.getByTestId('interaction-channel').filter({ hasText: '电话' }).waitFor();
        await page.locator('#durationMinutes').fill('12');
        await pickOption(page, page.getByTestId('interaction-outcome'), '已接通');
        await page.locator('#subject').fill('报价跟进电话');
        await page.locator('#body').fill('客户想要年度折扣。\n<b>这不是 HTML</b>');
        await page.screenshot({ path: path.join(resultsDir, 'e2e-log-interaction-zh-CN.png') });
        await page.getByTestId('interaction-submit').click();
        await page.getByTestId('interaction-form').waitFor({ state: 'detached' });
        const item = page.getByTestId('timeline-item').filter({ hasText: '报价跟进电话' });
        await item.waitFor();
        const text = await item.innerText();
        for (const part of ['去电', '12 分钟', '已接通', '<b>这不是 HTML</b>']) assert(text.includes(part), `the timeline item does not show "${part}": ${text}`);
        assert((await item.locator('b').count()) === 0, 'the body was rendered as HTML');
        await page.getByTestId('figure-interactions').filter({ hasText: '1' }).waitFor();
        await page.getByTestId('figure-lastContact').filter({ hasText: '年' }).waitFor();
        // The contact is at 测试科技有限公司: the call is on the account's timeline, the contact linked.
        const res = await page.context().request.get(`${baseUrl}/api/v1/accounts?filter=${encodeURIComponent('name:eq:测试科技有限公司')}`);
        const accountId = ((await res.json()) as { data: { id: string }[] }).data[0]?.id;
        assert(accountId, 'the account 测试科技有限公司 is missing');
        await page.goto(`${baseUrl}/accounts/${accountId}`);
        const onAccount = page.getByTestId('timeline-item').filter({ hasText: '报价跟进电话' });
        await onAccount.getByTestId('participant-link').filter({ hasText: probe.name }).waitFor();
        await page.screenshot({ path: path.join(resultsDir, 'e2e-account-timeline-zh-CN.png') });
        // Filtering by another type hides it; clearing the filter brings it back.
        await pickOption(page, page.getByTestId('timeline-filter-type'), '会议');
        await page.getByTestId('timeline-empty').waitFor();
        await page.getByTestId('timeline-filters-clear').first().click();
        await onAccount.waitFor();
        await onAccount.getByTestId('participant-link').click();
        await expectPath(page, `/contacts/${probeId}`);
      },
    },
    {
      name: 'add a weekly task due today on a contact, see it in My day, complete it there and see the next one',
      timeoutMs: 45_000,
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        await page.goto(`${baseUrl}/contacts/${probeId}`);
        await page.getByTestId('task-add').click();
        await page.getByTestId('task-title-input').fill('发送年度报价单');
        const todayPreset = page.locator('.ant-picker-presets li').filter({ hasText: '今天 18:00' }).last();
        // On a loaded machine the first click can land while the dialog still opens: open the picker until it shows.
        for (let attempt = 0; attempt < 3 && !(await todayPreset.isVisible()); attempt += 1) {
          await page.locator('#dueAt').click();
          await todayPreset.waitFor({ timeout: 5_000 }).catch(() => undefined);
        }
        await todayPreset.click();
        await pickOption(page, page.getByTestId('task-repeat-select'), '每周');
        await page.getByTestId('task-submit').click();
        await page.getByTestId('task-submit').waitFor({ state: 'detached' });
        await page.getByTestId('record-tasks').getByTestId('task-row').filter({ hasText: '发送年度报价单' }).waitFor();
        await page.getByTestId('figure-openTasks').filter({ hasText: '1' }).waitFor();
        await page.getByTestId('nav-home').click();
        const row = page.getByTestId('my-day').getByTestId('task-row').filter({ hasText: '发送年度报价单' });
        await row.getByTestId('task-record').filter({ hasText: probe.name }).waitFor();
        // click, not check(): the box is the task's stored state, which flips only once the server has answered (and the row leaves).
        await row.getByRole('checkbox').click();
        await page.locator('.ant-message').filter({ hasText: '下一次到期' }).waitFor();
        await row.waitFor({ state: 'detached' });
        // The next occurrence, a week later, is open on the contact.
        const res = await page.context().request.get(`${baseUrl}/api/v1/tasks?filter=${encodeURIComponent(`recordId:eq:${probeId}`)}&limit=10`);
        const tasks = ((await res.json()) as { data: { status: string; dueAt: string }[] }).data;
        const done = tasks.find((t) => t.status === 'done');
        const next = tasks.find((t) => t.status === 'open');
        assert(done && next, `the contact's tasks are ${JSON.stringify(tasks)}, not one done and one open`);
        assert(Date.parse(next.dueAt) - Date.parse(done.dueAt) === 7 * 86_400_000, `the next one is due ${next.dueAt}, not a week after ${done.dueAt}`);
        await page.goto(`${baseUrl}/contacts/${probeId}`);
        await page.getByTestId('record-tasks').getByTestId('task-repeat').waitFor();
      },
    },
    {
      name: 'a long timeline renders page by page as it scrolls; long bodies fold',
      timeoutMs: 60_000,
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        const request = page.context().request;
        const created = await request.post(`${baseUrl}/api/v1/contacts`, { data: { name: '时间线测试' } });
        assert(created.status() === 201, `creating the contact answered HTTP ${created.status()}`);
        const contactId = ((await created.json()) as { id: string }).id;
        const total = 75;
        const start = Date.now();
        for (let batch = 0; batch < total; batch += 15) {
          await Promise.all(
            Array.from({ length: Math.min(15, total - batch) }, async (_, j) => {
              const i = batch + j;
              const type = (['call', 'email', 'meeting', 'note', 'message', 'visit'] as const)[i % 6];
              const res = await request.post(`${baseUrl}/api/v1/interactions`, {
                data: {
                  type,
                  channel: { call: 'phone', email: 'email', meeting: 'in_person', note: 'other', message: 'wechat', visit: 'in_person' }[type],
                  occurredAt: new Date(start - i * 5 * 3600_000).toISOString(),
                  subject: `第 ${i + 1} 次互动`,
                  body: i === 0 ? Array.from({ length: 8 }, (_, n) => `第 ${n + 1} 行：客户反馈的详细内容。`).join('\n') : undefined,
                  participants: [{ kind: 'contact', id: contactId }],
                },
              });
              assert(res.status() === 201, `logging interaction ${i + 1} answered HTTP ${res.status()}`);
            }),
          );
        }
        await page.goto(`${baseUrl}/contacts/${contactId}`);
        const items = page.getByTestId('timeline-item');
        await items.nth(29).waitFor();
        assert((await items.count()) === 30, `the first page shows ${await items.count()} items, not 30`);
        const folded = page.getByTestId('timeline-body').first();
        await folded.getByText('展开').click();
        await folded.getByText('收起').waitFor();
        for (const shown of [60, total]) {
          await items.last().scrollIntoViewIfNeeded();
          await items.nth(shown - 1).waitFor();
        }
        assert((await items.count()) === total, `after scrolling the timeline shows ${await items.count()} items, not ${total}`);
        assert((await page.getByTestId('load-more').count()) === 0, 'the timeline still offers to load more at its end');
        const days = await page.getByTestId('timeline-day').count();
        assert(days >= 15 && days <= 17, `${days} day headings for ${total} items five hours apart`);
        // Change one, delete another (each from its menu).
        const menuItem = (label: string) => page.locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu-item').filter({ hasText: label });
        await items.filter({ hasText: '第 1 次互动' }).getByTestId('timeline-item-actions').click();
        await menuItem('编辑').click();
        await page.locator('#subject').fill('第 1 次互动（已修改）');
        await page.getByTestId('interaction-submit').click();
        await items.filter({ hasText: '第 1 次互动（已修改）' }).waitFor();
        const second = items.filter({ hasText: '第 2 次互动' });
        await second.getByTestId('timeline-item-actions').click();
        await menuItem('删除').click();
        await page.locator('.ant-modal-confirm-btns .ant-btn-dangerous').click();
        await second.waitFor({ state: 'detached' });
      },
    },
    {
      name: 'the tasks page lists done tasks; the 360 page and My day in English',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        await page.getByTestId('nav-tasks').click();
        await expectPath(page, '/tasks');
        await page.getByTestId('tasks-list').getByTestId('task-row').filter({ hasText: '发送年度报价单' }).waitFor();
        await page.getByTestId('tasks-show').getByText('已完成').click();
        await page.getByTestId('tasks-list').getByTestId('task-row').filter({ hasText: '发送年度报价单' }).locator('.ant-typography del').waitFor();
        await page.getByTestId('lang-switch').click();
        await page.getByTestId('lang-en').click();
        await page.goto(`${baseUrl}/`);
        await page.getByTestId('my-day').filter({ hasText: 'My day' }).waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(resultsDir, 'e2e-home-my-day-en.png') });
        await page.goto(`${baseUrl}/contacts/${probeId}`);
        await page.getByTestId('timeline-item').filter({ hasText: 'Outgoing call' }).waitFor();
        await page.getByTestId('figure-interactions').filter({ hasText: 'Interactions' }).waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(resultsDir, 'e2e-contact-timeline-en.png'), fullPage: true });
        await page.getByTestId('lang-switch').click();
        await page.getByTestId('lang-zh-CN').click();
        await page.getByTestId('nav-contacts').filter({ hasText: '联系人' }).waitFor();
      },
    },
    // ---------------------------------------------------------------- telephony: screen pop (calls)
    {
      name: 'an incoming call pops the caller’s card on the open page; its button opens the contact',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        activePage = page;
        const request = page.context().request;
        const created = await request.post(`${baseUrl}/api/v1/contacts`, { data: { name: '来电测试 赵六', company: '测试物流有限公司', title: '采购经理', phone: '137 0000 8888' } });
        assert(created.status() === 201, `creating the caller answered HTTP ${created.status()}`);
        callerId = ((await created.json()) as { id: string }).id;
        await page.goto(`${baseUrl}/`);
        await page.locator('[data-testid="call-pop"][data-realtime="open"]').waitFor({ state: 'attached' });
        const ringing = await request.post(`${baseUrl}/api/v1/calls/events`, {
          data: { event: 'ringing', callId: 'e2e-call-1', direction: 'inbound', customerNumber: '13700008888', at: new Date(callStart).toISOString() },
        });
        assert(ringing.status() === 200, `posting the ringing event answered HTTP ${ringing.status()}`);
        const card = page.getByTestId('call-card').filter({ has: page.getByTestId('call-contact').filter({ hasText: '来电测试 赵六' }) });
        await card.waitFor();
        const text = await card.innerText();
        assert(text.includes('测试物流有限公司') && text.includes('采购经理'), `the call card shows "${text}" without the caller's company and title`);
        assert((await card.getAttribute('data-status')) === 'ringing', 'the card is not ringing');
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(resultsDir, 'e2e-call-pop.png') });
        await card.getByTestId('call-open-contact').click();
        await expectPath(page, `/contacts/${callerId}`);
        await page.getByTestId('contact-phone').waitFor();
        const answered = await request.post(`${baseUrl}/api/v1/calls/events`, {
          data: { event: 'answered', callId: 'e2e-call-1', direction: 'inbound', customerNumber: '13700008888', at: new Date(callStart + 3_000).toISOString() },
        });
        assert(answered.status() === 200, `posting the answered event answered HTTP ${answered.status()}`);
        await page.locator('[data-testid="call-card"][data-call-id="e2e-call-1"][data-status="answered"]').waitFor();
      },
    },
    {
      name: 'the call ends: the card shows its length, then closes; the call is on the contact’s timeline',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        const request = page.context().request;
        const ended = await request.post(`${baseUrl}/api/v1/calls/events`, {
          data: { event: 'ended', callId: 'e2e-call-1', direction: 'inbound', customerNumber: '13700008888', at: new Date(callStart + 45_000).toISOString() },
        });
        assert(ended.status() === 200, `posting the ended event answered HTTP ${ended.status()}`);
        const card = page.locator('[data-testid="call-card"][data-call-id="e2e-call-1"][data-status="ended"]');
        await card.filter({ hasText: '0:42' }).waitFor();
        await card.getByTestId('call-logged-link').waitFor();
        const res = await request.get(`${baseUrl}/api/v1/timeline?recordType=contact&recordId=${callerId}`);
        const items = ((await res.json()) as { data: { type: string; direction: string; durationSeconds: number; outcome: string }[] }).data;
        const call = items.find((i) => i.type === 'call');
        assert(call?.direction === 'inbound' && call.durationSeconds === 42 && call.outcome === 'connected', `the contact's timeline holds ${JSON.stringify(items)}, not the 42 s inbound call`);
        await page.mouse.move(10, 10);
        await card.waitFor({ state: 'detached', timeout: 15_000 });
      },
    },
    {
      name: 'an unknown number pops a quick-create form; creating the contact opens its page',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        const request = page.context().request;
        const ringing = await request.post(`${baseUrl}/api/v1/calls/events`, { data: { event: 'ringing', callId: 'e2e-call-2', direction: 'inbound', customerNumber: '021 6123 4567' } });
        assert(ringing.status() === 200, `posting the ringing event answered HTTP ${ringing.status()}`);
        const card = page.locator('[data-testid="call-card"][data-call-id="e2e-call-2"]');
        const phone = await card.getByTestId('call-quick-phone').inputValue();
        assert(phone === '+862161234567', `the quick-create phone is "${phone}", not the caller's number`);
        await card.getByTestId('call-quick-name').fill('新客户 孙七');
        await card.getByTestId('call-quick-company').fill('七星贸易');
        await card.getByTestId('call-quick-submit').click();
        await page.waitForURL((url) => /^\/contacts\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(callerId));
        await page.getByTestId('contact-phone').waitFor();
        await card.getByTestId('call-contact').filter({ hasText: '新客户 孙七' }).waitFor();
        await card.getByTestId('call-card-close').click();
        await card.waitFor({ state: 'detached' });
        await request.post(`${baseUrl}/api/v1/calls/events`, { data: { event: 'ended', callId: 'e2e-call-2', direction: 'inbound', customerNumber: '021 6123 4567', cause: 'no_answer' } });
      },
    },
    // ---------------------------------------------------------------- calendar: a meeting with a contact, the iCalendar feed
    {
      name: 'schedule a meeting with a contact by clicking a free time in the week view; it is in the grid and on the contact’s timeline',
      run: async () => {
        assert(demoPage, 'no page');
        assert(callerId, 'no caller contact');
        const page = demoPage;
        activePage = page;
        await page.goto(`${baseUrl}/`);
        await page.getByTestId('nav-calendar').click();
        await expectPath(page, '/calendar');
        await page.getByTestId('calendar-timegrid').waitFor();
        // `w` is the week view (the default), `m` the month: the keys switch views.
        await page.keyboard.press('m');
        await page.getByTestId('calendar-month').waitFor();
        await page.keyboard.press('w');
        await page.getByTestId('calendar-timegrid').waitFor();
        // Wednesday 10:00: an hour is 48 px and the grid opens scrolled to 08:00, so 10:00 is in sight.
        const wednesday = await page.getByTestId('calendar-day').nth(2).boundingBox();
        assert(wednesday, 'no day column');
        await page.mouse.click(wednesday.x + 30, wednesday.y + 10 * 48 + 6);
        await page.getByTestId('meeting-subject').fill('季度回顾 · 赵六');
        await page.getByTestId('meeting-location').fill('上海浦东 会议室 A');
        await page.getByTestId('meeting-contacts').click();
        await page.keyboard.type('赵六');
        await page.locator('.ant-select-dropdown').last().locator('.ant-select-item-option').filter({ hasText: '来电测试 赵六' }).click();
        // Closes the contact list (Esc would close the dialog).
        await page.locator('.ant-modal-title').click();
        await page.getByTestId('meeting-submit').click();
        const event = page.getByTestId('calendar-event').filter({ hasText: '季度回顾 · 赵六' });
        await event.waitFor();
        assert((await event.innerText()).includes('10:00'), `the event reads "${await event.innerText()}", not a 10:00 start`);
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(resultsDir, 'e2e-calendar-week.png') });
        await page.goto(`${baseUrl}/contacts/${callerId}`);
        await page.getByTestId('timeline-item').filter({ hasText: '季度回顾 · 赵六' }).waitFor();
      },
    },
    {
      name: 'subscribe to the calendar: the address shown once serves an .ics with the meeting',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        await page.goto(`${baseUrl}/calendar`);
        await page.getByTestId('calendar-subscribe').click();
        await page.getByTestId('calendar-feed-make').click();
        const url = (await page.getByTestId('calendar-feed-url').innerText()).trim();
        assert(/\/api\/v1\/public\/calendar\/cal_[\w-]+\.ics$/.test(url), `the feed address shown is "${url}"`);
        // As a calendar app fetches it: no session cookie.
        const res = await fetch(url);
        assert(res.status === 200, `fetching the feed answered HTTP ${res.status}`);
        const events = new ICAL.Component(ICAL.parse(await res.text())).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
        const meeting = events.find((e) => e.summary === '季度回顾 · 赵六');
        assert(meeting, `the feed holds ${JSON.stringify(events.map((e) => e.summary))}, not the meeting`);
        assert(meeting.location === '上海浦东 会议室 A', `the feed's meeting is at "${meeting.location}"`);
        await page.keyboard.press('Escape');
      },
    },
    // ---------------------------------------------------------------- sales: the opportunities board and a deal's page
    {
      name: 'create a deal from the board, drag it to the next stage, reload: it stayed, and its stage history has two entries',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        activePage = page;
        // Six stage columns side by side: wide enough that the lost column is on screen for the next step.
        await page.setViewportSize(BOARD_VIEWPORT);
        await page.goto(`${baseUrl}/`);
        await page.getByTestId('nav-opportunities').filter({ hasText: '商机' }).click();
        await expectPath(page, '/opportunities');
        const column = (key: string) => page.locator(`[data-testid="stage-column"][data-stage-key="${key}"]`);
        await column('qualification').filter({ hasText: '初步接洽' }).waitFor();
        // `n` opens the new deal form.
        await page.keyboard.press('n');
        await page.getByTestId('opportunity-name').fill('华为云 CRM 扩容');
        await page.getByTestId('opportunity-amount').fill('128000');
        await page.getByTestId('opportunity-submit').click();
        const card = (key: string) => column(key).locator('[data-testid="kanban-card"]').filter({ hasText: '华为云 CRM 扩容' });
        await card('qualification').filter({ hasText: '¥128,000.00' }).waitFor();
        await column('qualification').getByTestId('stage-total').filter({ hasText: '¥128,000.00' }).waitFor();
        await dragCard(page, card('qualification'), column('needs_analysis'));
        await card('needs_analysis').waitFor();
        await column('needs_analysis').getByTestId('stage-total').filter({ hasText: '¥128,000.00' }).waitFor();
        await page.reload();
        await card('needs_analysis').waitFor();
        assert((await card('qualification').count()) === 0, 'after the reload the deal is back in the first stage');
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(resultsDir, 'e2e-opportunities-board-zh-CN.png') });
        await card('needs_analysis').click();
        await page.waitForURL((url) => /^\/opportunities\/[0-9a-f-]{36}$/.test(url.pathname));
        await page.getByTestId('opportunity-name').filter({ hasText: '华为云 CRM 扩容' }).waitFor();
        await page.getByTestId('opportunity-tab-stages').click();
        const rows = page.getByTestId('stage-history-row');
        await rows.nth(1).waitFor();
        const texts = await rows.allInnerTexts();
        assert(texts.length === 2 && texts[0]!.includes('初步接洽') && texts[1]!.includes('需求分析') && texts[1]!.includes('当前'), `the stage history reads ${JSON.stringify(texts)}`);
      },
    },
    {
      name: 'drag a deal to "lost": the dialog asks the reason, and the deal is in the lost column with it',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        const request = page.context().request;
        const created = await request.post(`${baseUrl}/api/v1/opportunities`, { data: { name: '小米 ERP 替换', amount: 5_600_050, currency: 'CNY' } });
        assert(created.status() === 201, `creating the deal answered HTTP ${created.status()}`);
        const dealId = ((await created.json()) as { id: string }).id;
        await page.goto(`${baseUrl}/opportunities`);
        const column = (key: string) => page.locator(`[data-testid="stage-column"][data-stage-key="${key}"]`);
        const card = (key: string) => column(key).locator('[data-testid="kanban-card"]').filter({ hasText: '小米 ERP 替换' });
        await dragCard(page, card('qualification'), column('lost'));
        // Without a reason the dialog says it is needed.
        await page.getByTestId('close-deal-submit').click();
        await page.locator('.ant-modal .ant-form-item-explain-error').first().waitFor();
        await pickOption(page, page.getByTestId('close-reason'), '价格');
        await page.getByTestId('close-competitor').fill('Salesforce');
        await page.getByTestId('close-deal-submit').click();
        await card('lost').waitFor();
        assert((await card('qualification').count()) === 0, 'the lost deal is still in the first stage');
        const deal = (await (await request.get(`${baseUrl}/api/v1/opportunities/${dealId}`)).json()) as { status: string; closeReasonId: string | null; closeCompetitor: string | null };
        assert(deal.status === 'lost' && deal.closeReasonId && deal.closeCompetitor === 'Salesforce', `the server has the deal as ${JSON.stringify(deal)}`);
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(resultsDir, 'e2e-opportunities-lost-zh-CN.png') });
      },
    },
    {
      name: 'the opportunities board in English (docs screenshot)',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        const request = page.context().request;
        const pipelines = (await (await request.get(`${baseUrl}/api/v1/pipelines`)).json()) as { data: { isDefault: boolean; stages: { id: string; key: string | null }[] }[] };
        const stages = new Map(pipelines.data.find((p) => p.isDefault)!.stages.map((s) => [s.key, s.id]));
        // A board with some life in it: deals in several stages, two currencies.
        const deals = [
          { name: 'Tencent Cloud migration', amount: 86_000_000, stage: 'qualification' },
          { name: 'BYD dealer portal', amount: 42_500_000, stage: 'proposal' },
          { name: 'Lenovo service desk', amount: 15_000_000, currency: 'USD', stage: 'proposal' },
          { name: 'Haier CRM rollout', amount: 230_000_000, stage: 'negotiation' },
          { name: 'Meituan partner app', amount: 18_800_000, stage: 'won' },
        ];
        for (const { stage, ...deal } of deals) {
          const res = await request.post(`${baseUrl}/api/v1/opportunities`, { data: { ...deal, stageId: stages.get(stage) } });
          assert(res.status() === 201, `creating ${deal.name} answered HTTP ${res.status()}`);
        }
        await page.getByTestId('lang-switch').click();
        await page.getByTestId('lang-en').click();
        try {
          await page.goto(`${baseUrl}/opportunities`);
          await page.locator('[data-testid="stage-column"][data-stage-key="negotiation"]').filter({ hasText: 'Negotiation' }).getByTestId('kanban-card').first().waitFor();
          await page.getByTestId('opportunities-board').filter({ hasText: 'Weighted' }).waitFor();
          await page.waitForTimeout(500);
          await page.screenshot({ path: path.join(root, 'docs/screenshots/opportunities-board.png') });
          await page.screenshot({ path: path.join(resultsDir, 'e2e-opportunities-board-en.png') });
        } finally {
          await page.getByTestId('lang-switch').click();
          await page.getByTestId('lang-zh-CN').click();
          await page.setViewportSize(VIEWPORT);
        }
      },
    },
    // ---------------------------------------------------------------- sales: leads, their conversion, and the sales analysis
    {
      name: 'create a lead with a company, convert it with an opportunity, land on the deal; the lead shows converted',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        activePage = page;
        await page.goto(`${baseUrl}/`);
        await page.getByTestId('nav-leads').filter({ hasText: '线索' }).click();
        await expectPath(page, '/leads');
        await page.getByTestId('lead-add').first().click();
        await page.getByTestId('lead-name').fill('陈静 E2E');
        await page.getByTestId('lead-company').fill('蔚来测试汽车有限公司');
        await page.getByTestId('lead-email').fill('chen.jing@nio-e2e.example');
        await page.getByTestId('lead-submit').click();
        await page.waitForURL((url) => /^\/leads\/[0-9a-f-]{36}$/.test(url.pathname));
        const leadUrl = page.url();
        await page.getByTestId('lead-name').filter({ hasText: '陈静 E2E' }).waitFor();
        await page.getByTestId('lead-convert').click();
        // The dialog says what will happen: a new account named like the company (none exists yet).
        await page.getByTestId('lead-convert-account').filter({ hasText: '新建客户 蔚来测试汽车有限公司' }).waitFor();
        await page.getByTestId('lead-convert-amount').fill('88000');
        await page.waitForTimeout(200);
        await page.screenshot({ path: path.join(resultsDir, 'e2e-lead-convert-zh-CN.png') });
        await page.getByTestId('lead-convert-submit').click();
        await page.waitForURL((url) => /^\/opportunities\/[0-9a-f-]{36}$/.test(url.pathname));
        await page.getByTestId('opportunity-name').filter({ hasText: '蔚来测试汽车有限公司' }).waitFor();
        await page.getByTestId('opportunity-amount').filter({ hasText: '¥88,000.00' }).waitFor();
        await page.locator('.ant-message').filter({ hasText: '已转化' }).waitFor();
        await page.goto(leadUrl);
        await page.getByTestId('lead-converted').filter({ hasText: '蔚来测试汽车有限公司' }).waitFor();
        assert((await page.getByTestId('lead-convert').count()) === 0, 'a converted lead still offers to convert');
        await page.getByTestId('lead-status').filter({ hasText: '已转化' }).waitFor();
        await page.goto(`${baseUrl}/leads`);
        await page.getByTestId('leads-table').filter({ hasText: '陈静 E2E' }).waitFor();
        await page.screenshot({ path: path.join(resultsDir, 'e2e-leads-list-zh-CN.png') });
      },
    },
    {
      name: 'win the converted deal; the sales analysis draws the win rate by owner (zh-CN and English docs screenshot)',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        const request = page.context().request;
        const found = (await (await request.get(`${baseUrl}/api/v1/opportunities`, { params: { filter: 'name:eq:蔚来测试汽车有限公司' } })).json()) as { data: { id: string; pipelineId: string }[] };
        const deal = found.data[0];
        assert(deal, 'the converted deal is not in the list');
        const pipelines = (await (await request.get(`${baseUrl}/api/v1/pipelines`)).json()) as { data: { id: string; stages: { id: string; kind: string }[] }[] };
        const won = pipelines.data.find((p) => p.id === deal.pipelineId)!.stages.find((s) => s.kind === 'won')!;
        const res = await request.patch(`${baseUrl}/api/v1/opportunities/${deal.id}`, { data: { stageId: won.id } });
        assert(res.ok(), `winning the deal answered HTTP ${res.status()}`);
        await page.goto(`${baseUrl}/`);
        await page.getByTestId('nav-sales').filter({ hasText: '销售分析' }).click();
        await expectPath(page, '/sales/analysis');
        const chart = page.getByTestId('analysis-winrate-chart');
        await chart.locator('svg, canvas').first().waitFor();
        await page.locator('.ant-table').filter({ hasText: '赢单金额' }).waitFor();
        await page.waitForTimeout(500);
        await page.screenshot({ path: path.join(resultsDir, 'e2e-sales-analysis-zh-CN.png'), fullPage: true });
        await page.getByTestId('lang-switch').click();
        await page.getByTestId('lang-en').click();
        try {
          await page.locator('.ant-table').filter({ hasText: 'Won amount' }).waitFor();
          await chart.locator('svg, canvas').first().waitFor();
          await page.waitForTimeout(500);
          await page.screenshot({ path: path.join(root, 'docs/screenshots/sales-analysis.png') });
          await page.screenshot({ path: path.join(resultsDir, 'e2e-sales-analysis-en.png'), fullPage: true });
          await page.getByTestId('analysis-tab-forecast').click();
          await page.getByTestId('analysis-forecast-chart').locator('svg, canvas').first().waitFor();
          await page.waitForTimeout(500);
          await page.screenshot({ path: path.join(resultsDir, 'e2e-sales-forecast-en.png'), fullPage: true });
        } finally {
          await page.getByTestId('lang-switch').click();
          await page.getByTestId('lang-zh-CN').click();
        }
      },
    },
    {
      name: 'Settings → Lead rules: add a scoring rule for a source; every lead is rescored and the progress bar finishes',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        await page.goto(`${baseUrl}/settings/sales`);
        await page.getByTestId('settings-tab-lead-rules').filter({ hasText: '线索规则' }).click();
        await expectPath(page, '/settings/lead-rules');
        await page.getByTestId('scoring-rule-add').click();
        await page.getByTestId('scoring-rule-name').fill('官网来源');
        await pickOption(page, page.getByTestId('rule-condition-field'), '来源');
        await page.getByTestId('rule-condition-values').click();
        await page.keyboard.type('官网');
        await page.keyboard.press('Enter');
        await page.getByTestId('scoring-rule-points').fill('15');
        await page.getByTestId('scoring-rule-submit').click();
        await page.getByTestId('rescore-progress').locator('[data-testid="job-progress"][data-state="succeeded"]').waitFor();
        await page.locator('.ant-table-row').filter({ hasText: '官网来源' }).filter({ hasText: '+15' }).waitFor();
        await page.screenshot({ path: path.join(resultsDir, 'e2e-lead-rules-zh-CN.png'), fullPage: true });
      },
    },
    // ---------------------------------------------------------------- integrations: webhooks, inbound e-mail, task reminders
    {
      name: 'add a webhook endpoint in Settings → Webhooks and see its signing secret once',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        activePage = page;
        hookUrl = await startHookReceiver(hooks);
        await page.goto(`${baseUrl}/settings/webhooks`);
        await page.getByTestId('webhooks-empty').waitFor();
        await page.getByTestId('webhook-open').click();
        await page.getByTestId('webhook-url').fill(hookUrl);
        // contact.* is the default choice.
        await page.getByTestId('webhook-events').getByText('contact.*').waitFor();
        await page.getByTestId('webhook-submit').click();
        hookSecret = (await page.getByTestId('webhook-secret').innerText()).trim();
        assert(/^whsec_\S+$/.test(hookSecret), `the secret shown is "${hookSecret}"`);
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(resultsDir, 'e2e-webhook-secret.png') });
        await page.getByTestId('webhook-done').click();
        await page.getByTestId('webhook-secret').waitFor({ state: 'hidden' });
        const row = page.locator(`[data-testid="webhook-row"][data-url="${hookUrl}"]`);
        await row.waitFor();
        assert((await row.innerText()).includes('contact.*'), 'the endpoint row does not list contact.*');
        // Change its events: add account.*.
        await row.getByTestId('webhook-edit').click();
        const events = page.getByTestId('webhook-events');
        await events.getByText('contact.*').waitFor();
        await events.click();
        await page.keyboard.type('account.*');
        // The only match is active: Enter picks it.
        await page.locator('.ant-select-dropdown').last().locator('.ant-select-item-option-active').filter({ hasText: 'account.*' }).waitFor();
        await page.keyboard.press('Enter');
        await events.getByText('account.*', { exact: true }).waitFor();
        await page.locator('.ant-modal-title').last().click();
        await page.getByTestId('webhook-submit').click();
        await row.getByText('account.*').waitFor();
        // Listed again, the secret is nowhere.
        const listed = await page.context().request.get(`${baseUrl}/api/v1/webhooks`);
        assert(!(await listed.text()).includes(hookSecret), 'GET /webhooks answers the secret');
      },
    },
    {
      name: 'a changed contact is delivered to the endpoint, signed, and shows "delivered" in its log',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        const changed = await page.context().request.patch(`${baseUrl}/api/v1/contacts/${callerId}`, { data: { title: '采购总监' } });
        assert(changed.ok(), `changing the contact answered HTTP ${changed.status()}`);
        await page.locator(`[data-testid="webhook-row"][data-url="${hookUrl}"]`).getByTestId('webhook-log').click();
        // The server's delivery timer runs every 5 s; the log refreshes itself.
        await page.locator('[data-testid="webhook-delivery"][data-event="contact.update"][data-status="delivered"]').waitFor({ timeout: 20_000 });
        const hook = hooks.find((h) => h.headers['guanxi-event'] === 'contact.update');
        assert(hook, `the receiver got ${hooks.length} requests, none for contact.update`);
        assert(signedWith(hookSecret, hook), `the delivery's signature "${String(hook.headers['guanxi-signature'])}" does not check with the secret`);
        const payload = JSON.parse(hook.body) as { event: string; data: { recordId: string } };
        assert(payload.event === 'contact.update' && payload.data.recordId === callerId, `the receiver got ${hook.body}`);
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(resultsDir, 'e2e-webhook-log.png') });
        await page.keyboard.press('Escape');
      },
      timeoutMs: 45_000,
    },
    {
      name: 'mail sent to the inbound address from a contact shows on that contact’s timeline',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        const request = page.context().request;
        const changed = await request.patch(`${baseUrl}/api/v1/contacts/${callerId}`, { data: { email: 'zhao.liu@ceshi-wuliu.example' } });
        assert(changed.ok(), `giving the contact an e-mail answered HTTP ${changed.status()}`);
        await page.goto(`${baseUrl}/settings/email`);
        const address = (await page.getByTestId('inbound-address').innerText()).trim();
        assert(/^[a-z0-9]+@\S+$/.test(address), `the inbound address shown is "${address}"`);
        await page.screenshot({ path: path.join(resultsDir, 'e2e-inbound-email.png') });
        const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
        await transport.sendMail({
          from: '赵六 <zhao.liu@ceshi-wuliu.example>',
          to: address,
          subject: '询价：冷链运输 e2e',
          text: '王经理您好，请报一下上海到成都的冷链运输价格。',
        });
        transport.close();
        await page.goto(`${baseUrl}/contacts/${callerId}`);
        await page.locator('[data-testid="timeline-item"][data-type="email"]').filter({ hasText: '询价：冷链运输 e2e' }).waitFor();
      },
    },
    {
      name: 'connect an IMAP mailbox in Settings → Mailboxes (a real Dovecot): received and sent mail shows on the contact’s timeline',
      timeoutMs: 60_000,
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        const account = { user: 'wang.jingli@ceshi-e2e.example', password: 'imap-e2e-secret' };
        const imap = await startDovecot([account]);
        try {
          const client = new ImapFlow({ host: imap.host, port: imap.port, secure: false, doSTARTTLS: false, auth: { user: account.user, pass: account.password }, logger: false });
          await client.connect();
          const gbk = (text: string) => `=?GBK?B?${iconv.encode(text, 'gbk').toString('base64')}?=`;
          const mail = (from: string, to: string, subject: string, body: string, id: string, extra = '') =>
            `From: ${from}\r\nTo: ${to}\r\nSubject: ${gbk(subject)}\r\nMessage-ID: ${id}\r\n${extra}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=GBK\r\nContent-Transfer-Encoding: base64\r\n\r\n${iconv.encode(body, 'gbk').toString('base64')}\r\n`;
          await client.append('INBOX', mail(`${gbk('赵六')} <zhao.liu@ceshi-wuliu.example>`, account.user, '冷链报价确认 e2e IMAP', '价格可以接受，请发合同。', '<imap-e2e-1@ceshi-wuliu.example>'));
          await client.append('Sent', mail(account.user, 'zhao.liu@ceshi-wuliu.example', '回复：冷链报价确认 e2e IMAP', '合同已发出，请查收。', '<imap-e2e-2@ceshi-e2e.example>', 'In-Reply-To: <imap-e2e-1@ceshi-wuliu.example>\r\n'));
          await client.logout();

          await page.goto(`${baseUrl}/settings/mailboxes`);
          await page.getByTestId('mailboxes-empty').waitFor();
          await page.getByTestId('mailbox-open').click();
          await page.getByTestId('mailbox-address').fill(account.user);
          await page.getByTestId('mailbox-host').fill(imap.host);
          await page.getByTestId('mailbox-tls').click();
          await page.locator('.ant-select-dropdown').last().locator('.ant-select-item-option').filter({ hasText: /^(None \(local only\)|不加密（仅限本地）|不加密（僅限本機）)$/ }).click();
          await page.getByTestId('mailbox-port').fill(String(imap.port));
          await page.getByTestId('mailbox-username').fill(account.user);
          await page.getByTestId('mailbox-password').fill(account.password);
          await page.getByTestId('mailbox-test').click();
          await page.getByTestId('mailbox-test-ok').filter({ hasText: 'INBOX' }).waitFor();
          await page.screenshot({ path: path.join(resultsDir, 'e2e-mailbox-dialog.png') });
          await page.getByTestId('mailbox-submit').click();
          const row = page.locator(`[data-testid="mailbox-row"][data-address="${account.user}"]`);
          await row.getByTestId('mailbox-sync').click();
          for (let i = 0; ; i++) {
            const boxes = (await (await page.context().request.get(`${baseUrl}/api/v1/mailboxes`)).json()) as { data: { syncJob: { state: string } | null; lastError: unknown }[] };
            const job = boxes.data[0]?.syncJob;
            if (job?.state === 'succeeded') break;
            assert(job?.state !== 'failed' && i < 60, `the sync did not finish: ${JSON.stringify(boxes)}`);
            await page.waitForTimeout(250);
          }
          await row.getByTestId('mailbox-status').waitFor();
          assert((await row.getByTestId('mailbox-error').count()) === 0, `the mailbox shows an error: ${await row.innerText()}`);
          await page.screenshot({ path: path.join(resultsDir, 'e2e-mailboxes.png'), fullPage: true });
          await page.goto(`${baseUrl}/contacts/${callerId}`);
          const items = page.locator('[data-testid="timeline-item"][data-type="email"]');
          await items.filter({ hasText: '冷链报价确认 e2e IMAP' }).first().waitFor();
          await items.filter({ hasText: '回复：冷链报价确认 e2e IMAP' }).waitFor();
        } finally {
          await imap.stop();
        }
      },
    },
    {
      name: 'set a member’s phone extension in Settings → Telephony; the CTI webhook address is shown',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        await page.goto(`${baseUrl}/settings/telephony`);
        const input = page.getByTestId(`extension-${DEMO.email}`);
        await input.fill('8001');
        await input.press('Enter');
        await page.getByTestId('cti-url').filter({ hasText: `${baseUrl}/api/v1/calls/events` }).waitFor();
        for (let i = 0; ; i++) {
          const agents = (await (await page.context().request.get(`${baseUrl}/api/v1/calls/agents`)).json()) as { data: { extension: string }[] };
          if (agents.data.some((a) => a.extension === '8001')) break;
          assert(i < 20, `the extension was not saved: ${JSON.stringify(agents)}`);
          await page.waitForTimeout(250);
        }
        await page.screenshot({ path: path.join(resultsDir, 'e2e-telephony.png'), fullPage: true });
      },
    },
    {
      name: 'a task reminder pops a notification on the open page; "done" completes the task',
      timeoutMs: 45_000,
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        const request = page.context().request;
        await page.goto(`${baseUrl}/contacts/${callerId}`);
        await page.locator('[data-testid="call-pop"][data-realtime="open"]').waitFor({ state: 'attached' });
        const due = new Date(Date.now() + 3_600_000).toISOString();
        const created = await request.post(`${baseUrl}/api/v1/tasks`, {
          data: { title: '给赵六回电话 e2e', dueAt: due, remindAt: new Date().toISOString(), recordType: 'contact', recordId: callerId },
        });
        assert(created.status() === 201, `creating the task answered HTTP ${created.status()}: ${await created.text()}`);
        const taskId = ((await created.json()) as { id: string }).id;
        // The server's reminder timer runs every 15 s.
        const reminder = page.locator(`[data-testid="task-reminder"][data-task-id="${taskId}"]`);
        await reminder.waitFor({ timeout: 35_000 });
        const text = await reminder.innerText();
        assert(text.includes('给赵六回电话 e2e'), `the reminder reads "${text}"`);
        await page.waitForTimeout(400);
        await page.screenshot({ path: path.join(resultsDir, 'e2e-task-reminder.png') });
        await reminder.getByTestId('task-reminder-done').click();
        await reminder.waitFor({ state: 'detached' });
        const task = (await (await request.get(`${baseUrl}/api/v1/tasks/${taskId}`)).json()) as { status: string };
        assert(task.status === 'done', `the task is ${task.status} after "done"`);
      },
    },
    // ---------------------------------------------------------------- tasks: edit; follow-up suggestions; the call script in the card
    {
      name: 'edit a task’s title on the tasks page and see it changed; follow-up suggestions on the home page',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        activePage = page;
        const request = page.context().request;
        const created = await request.post(`${baseUrl}/api/v1/tasks`, { data: { title: '准备报价 e2e', dueAt: new Date(Date.now() + 7_200_000).toISOString() } });
        assert(created.status() === 201, `creating the task answered HTTP ${created.status()}`);
        const taskId = ((await created.json()) as { id: string }).id;
        await page.goto(`${baseUrl}/tasks`);
        const row = page.getByTestId('task-row').filter({ hasText: '准备报价 e2e' });
        await row.getByTestId('task-edit').click();
        const title = page.getByTestId('task-title-input');
        assert((await title.inputValue()) === '准备报价 e2e', `the edit form opened with "${await title.inputValue()}"`);
        await title.fill('准备报价单并发给赵六 e2e');
        await page.getByTestId('task-submit').click();
        await page.getByTestId('tasks-list').getByTestId('task-title').filter({ hasText: '准备报价单并发给赵六 e2e' }).waitFor();
        await page.getByTestId('tasks-list').getByTestId('task-title').filter({ hasText: /^准备报价 e2e$/ }).waitFor({ state: 'detached' });
        const stored = (await (await request.get(`${baseUrl}/api/v1/tasks/${taskId}`)).json()) as { title: string };
        assert(stored.title === '准备报价单并发给赵六 e2e', `the task's title is "${stored.title}"`);
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(resultsDir, 'e2e-task-edited.png') });
        await page.goto(`${baseUrl}/`);
        await page.getByTestId('follow-ups').waitFor();
        await page.locator('[data-testid="follow-up"], [data-testid="follow-ups-empty"]').first().waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(resultsDir, 'e2e-home-follow-ups.png'), fullPage: true });
      },
    },
    {
      name: 'the call script of the call’s type shows in the call card, filled with the caller’s name',
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        const request = page.context().request;
        const type = await request.post(`${baseUrl}/api/v1/calls/types`, {
          data: {
            names: { 'zh-CN': '销售咨询', en: 'Sales inquiry' },
            scripts: { 'zh-CN': '{{contact.name}}您好，感谢致电{{workspace.name}}，我是{{user.name}}。\n请问您想了解哪款产品？', en: 'Hello {{contact.name}}, thank you for calling {{workspace.name}}.' },
            defaultFor: ['inbound_known'],
          },
        });
        assert(type.status() === 201, `creating the call type answered HTTP ${type.status()}: ${await type.text()}`);
        await page.goto(`${baseUrl}/`);
        await page.locator('[data-testid="call-pop"][data-realtime="open"]').waitFor({ state: 'attached' });
        const ringing = await request.post(`${baseUrl}/api/v1/calls/events`, { data: { event: 'ringing', callId: 'e2e-call-3', direction: 'inbound', customerNumber: '13700008888', agentExtension: '8001' } });
        assert(ringing.status() === 200, `posting the ringing event answered HTTP ${ringing.status()}`);
        const card = page.locator('[data-testid="call-card"][data-call-id="e2e-call-3"]');
        const script = card.getByTestId('call-script-text');
        await script.filter({ hasText: '来电测试 赵六您好' }).waitFor();
        const text = await script.innerText();
        assert(text.includes('请问您想了解哪款产品？'), `the script reads "${text}"`);
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(resultsDir, 'e2e-call-script.png') });
        await request.post(`${baseUrl}/api/v1/calls/events`, { data: { event: 'ended', callId: 'e2e-call-3', direction: 'inbound', customerNumber: '13700008888', cause: 'no_answer' } });
        await card.getByTestId('call-card-close').click();
        await card.waitFor({ state: 'detached' });
      },
    },
    {
      name: 'an admin adds a product with a list price; it is in the products list with its price',
      timeoutMs: 45_000,
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        activePage = page;
        const sku = `E2E-${Date.now()}`;
        await page.goto(`${baseUrl}/products`);
        await page.getByTestId('product-add').click();
        await page.getByTestId('product-name').fill('智能手环 S2 e2e');
        await page.getByTestId('product-sku').fill(sku);
        await page.getByTestId('product-price').fill('299');
        await page.getByTestId('product-submit').click();
        await page.getByTestId('product-title').filter({ hasText: '智能手环 S2 e2e' }).waitFor();
        await page.getByTestId('product-prices').filter({ hasText: '299.00' }).waitFor();
        await page.getByTestId('nav-products').click();
        const row = page.getByTestId('products-table').locator('[data-testid="list-row"]', { hasText: sku });
        await row.waitFor();
        const text = (await row.textContent()) ?? '';
        assert(text.includes('智能手环 S2 e2e') && text.includes('299.00'), `the product's row reads "${text}"`);
        await page.screenshot({ path: path.join(resultsDir, 'e2e-products-list.png') });
      },
    },
    {
      name: 'an admin builds a web form; a visitor answers it on the hosted page; the new contact has a web message on its timeline',
      timeoutMs: 60_000,
      run: async () => {
        assert(demoPage, 'no page');
        const page = demoPage;
        activePage = page;
        const email = `form.visitor.${Date.now()}@example.cn`;
        await page.goto(`${baseUrl}/forms/new`);
        await page.getByTestId('form-name').fill('试用申请 e2e');
        await page.getByTestId('form-title').fill('申请试用 Guanxi');
        await page.getByTestId('form-thank-you').fill('谢谢，我们会尽快联系您 e2e');
        // A new form starts with name and e-mail; add the company.
        await page.getByTestId('form-add-field').click();
        await page.getByTestId('form-field-2-label').fill('公司');
        await page.getByTestId('form-field-2-key').fill('company');
        await page.getByTestId('form-field-2-map').click();
        await page.locator('.ant-select-dropdown').last().locator('.ant-select-item-option').filter({ hasText: /(公司|company)$/i }).first().click();
        await page.getByTestId('form-preview').filter({ hasText: '申请试用 Guanxi' }).waitFor();
        await page.getByTestId('form-save').click();
        await page.getByTestId('form-hosted-url').waitFor();
        const hostedUrl = await page.getByTestId('form-hosted-url').inputValue();
        assert(/\/f\/[A-Za-z0-9_-]+$/.test(hostedUrl), `the hosted link is "${hostedUrl}"`);
        const embed = await page.getByTestId('form-embed-code').inputValue();
        assert(embed.includes(`${hostedUrl}?embed=1`), `the embed snippet is "${embed}"`);
        await page.screenshot({ path: path.join(resultsDir, 'e2e-form-share.png'), fullPage: true });

        // A visitor, in a browser of their own (no session), on the hosted page.
        const visitorContext = await newContext();
        try {
          const visitor = await visitorContext.newPage();
          activePage = visitor;
          await visitor.goto(hostedUrl.replace(/^https?:\/\/[^/]+/, baseUrl));
          await visitor.getByRole('heading', { name: '申请试用 Guanxi' }).waitFor();
          await visitor.locator('#i-name').fill('表单访客 e2e');
          await visitor.locator('#i-email').fill(email);
          await visitor.locator('#i-company').fill('关系科技');
          await visitor.locator('button[type="submit"]').click();
          await visitor.locator('.thanks').filter({ hasText: '谢谢，我们会尽快联系您 e2e' }).waitFor();
          await visitor.screenshot({ path: path.join(resultsDir, 'e2e-form-hosted.png'), fullPage: true });
        } finally {
          await visitorContext.close();
          activePage = page;
        }

        const request = page.context().request;
        const found = (await (await request.get(`${baseUrl}/api/v1/contacts`, { params: { filter: `email:eq:${email}` } })).json()) as { data: { id: string; name: string; company: string }[] };
        assert(found.data.length === 1 && found.data[0]!.company === '关系科技', `contacts with the visitor's e-mail: ${JSON.stringify(found.data)}`);
        await page.goto(`${baseUrl}/contacts/${found.data[0]!.id}`);
        await page.getByTestId('timeline-items').filter({ hasText: '试用申请 e2e' }).waitFor();
        const items = (await (await request.get(`${baseUrl}/api/v1/timeline`, { params: { recordType: 'contact', recordId: found.data[0]!.id } })).json()) as { data: { type: string; channel: string; body: string }[] };
        assert(items.data.some((i) => i.type === 'message' && i.channel === 'web' && i.body.includes('公司: 关系科技')), `the timeline: ${JSON.stringify(items.data)}`);
      },
    },
  ];
  steps.push(...(await areaSteps({ baseUrl, demoPage: () => (assert(demoPage, 'the demo account is not signed in'), demoPage), newContext })));

  try {
    await runSteps(onlyAreas ? steps.filter((step) => (step.area ? onlyAreas.some((prefix) => step.area!.startsWith(prefix)) : ESSENTIAL_STEPS.some((name) => step.name.startsWith(name)))) : steps);
  } finally {
    await cleanup();
  }
  if (failed > 0 && browserLog.length) {
    console.log('# browser (last lines):');
    console.log(browserLog.map((line) => `#   ${line}`).join('\n'));
  }
  if (failed > 0 && serverLog.trim()) {
    console.log('# server output (last lines):');
    console.log(serverLog.trim().split('\n').slice(-40).map((line) => `#   ${line}`).join('\n'));
  }
  console.log(`screenshots: ${path.relative(root, resultsDir)}/e2e-*.png${readmeWritten ? `, ${path.relative(root, readmeShot)}` : ''}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  async (err) => {
    console.error(err);
    await cleanup();
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  },
);
