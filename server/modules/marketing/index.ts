// The marketing module's public surface: other modules import only from here.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { formRoutes } from './forms.routes.js';

/** Marketing's API routes (under /api/v1): web forms so far. */
export const marketingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(formRoutes);
};
export { formPageRoutes } from './forms.routes.js';
export { submitForm, type SubmissionInput, type SubmissionResult } from './submissions.service.js';
