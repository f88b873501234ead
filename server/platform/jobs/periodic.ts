import type { FastifyInstance } from 'fastify';

/**
 * Runs `task` every `everyMs` while the app runs, in processes that run workers (GUANXI_WORKERS): sweeps
 * such as due reminders and webhook deliveries. A failed run is logged and the next one comes as planned;
 * the timer never keeps the process alive. Tests (workers off) call the task themselves.
 */
export function runPeriodically(app: FastifyInstance, name: string, everyMs: number, task: () => Promise<unknown>): void {
  if (!app.config.GUANXI_WORKERS) return;
  let timer: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      task().catch((err: unknown) => app.log.error({ err }, `${name} failed`));
    }, everyMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}
