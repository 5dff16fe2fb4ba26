import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { OcrQueue } from '@ocr/queue';

export const DASHBOARD_PATH = '/admin/queues';

/** Mounts Bull Board for the OCR queue (auth, if any, is put in front by the caller). */
export function mountDashboard(app: Hono, queue: OcrQueue): void {
  const adapter = new HonoAdapter(serveStatic);
  adapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({ queues: [new BullMQAdapter(queue)], serverAdapter: adapter });
  app.route(DASHBOARD_PATH, adapter.registerPlugin());
}
