import type { FastifyPluginAsync } from 'fastify';
import { callerOf } from '../auth/authenticate.js';
import { forbidden } from '../errors/app-error.js';

/**
 * `GET /api/v1/realtime` (WebSocket): the signed-in member's stream of events, as JSON messages
 * `{type, …}` — `call.ringing` and the like. Browsers only (session cookie).
 */
export const realtimeRoutes: FastifyPluginAsync = async (app) => {
  app.get('/realtime', { websocket: true, config: { sessionOnly: true }, schema: { hide: true } }, (socket, request) => {
    const ctx = callerOf(request);
    if (!ctx.userId) throw forbidden();
    app.realtime.attach(ctx.workspaceId, ctx.userId, socket);
    socket.send(JSON.stringify({ type: 'hello' }));
  });
};
