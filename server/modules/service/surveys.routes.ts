import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { LOCALES } from '../../../contracts/roles.js';
import { asCaller } from '../../platform/http/route-context.js';
import { Nullable, StringEnum, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { SATISFACTION_GROUPS, answerSurvey, publicSurvey, satisfaction, surveySettingsOf, updateSurveySettings } from './surveys.service.js';

const settingsFields = {
  surveysEnabled: Type.Boolean(),
  surveyDelayHours: Type.Integer({ minimum: 0, maximum: 720 }),
  askNps: Type.Boolean(),
  callbackAfterHours: Nullable(Type.Integer({ minimum: 0, maximum: 720, description: 'null: no callback task' })),
  callbackTypeIds: Type.Array(Uuid, { maxItems: 50, uniqueItems: true, description: 'Case types that get a callback; empty: all' }),
};
const SettingsSchema = Type.Object(settingsFields);
const TokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: false });
/** A customer's answer: on the mailed link's page, or on their case in the portal. */
export const SurveyAnswerBody = Type.Object(
  {
    csat: Type.Integer({ minimum: 1, maximum: 5, description: 'Satisfaction, 1 (very unhappy) to 5 (very happy)' }),
    nps: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10, description: 'Would recommend us, 0–10 (when asked)' }))),
    comment: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
const SatisfactionQuery = Type.Object({ from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }), groupBy: StringEnum(SATISFACTION_GROUPS, { default: 'agent' }) }, { additionalProperties: false });

/** Follow-up settings (callbacks, surveys) and satisfaction figures, for staff. */
export const surveyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['surveys'];
  app.get('/survey-settings', { schema: { tags, summary: 'Callback and survey rules after a case is resolved', response: { 200: SettingsSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => surveySettingsOf(tx, ctx)),
  );
  app.patch('/survey-settings', { schema: { tags, summary: 'Change the callback and survey rules', body: Type.Partial(Type.Object(settingsFields), { additionalProperties: false }), response: { 200: SettingsSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => updateSurveySettings(tx, ctx, request.body)),
  );
  app.get(
    '/satisfaction',
    {
      schema: {
        tags,
        summary: 'Surveys sent and answered, average CSAT and NPS, per agent, station or product',
        querystring: SatisfactionQuery,
        response: { 200: Type.Object({ data: Type.Array(Type.Object({ key: Nullable(Type.String()), sent: Type.Integer(), answered: Type.Integer(), csat: Nullable(Type.Number()), nps: Nullable(Type.Integer()) })) }), ...errorResponses },
      },
    },
    async (request) => ({ data: await asCaller(request, (tx, ctx) => satisfaction(tx, ctx, { from: new Date(request.query.from), to: new Date(request.query.to), groupBy: request.query.groupBy })) }),
  );
};

/** The customer's side: the survey behind a mailed link, and its answer (no sign-in; the token is the key). */
export const publicSurveyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['public'];
  app.get(
    '/public/surveys/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The survey of a mailed link',
        security: [],
        params: TokenParams,
        response: { 200: Type.Object({ workspaceName: Type.String(), caseNumber: Type.String(), subject: Type.String(), language: StringEnum(LOCALES), askNps: Type.Boolean(), answered: Type.Boolean() }), ...errorResponses },
      },
    },
    (request) => publicSurvey(app.database, request.params.token),
  );
  app.post(
    '/public/surveys/:token',
    { config: { public: true }, schema: { tags, summary: 'Answer a survey (once)', security: [], params: TokenParams, body: SurveyAnswerBody, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await answerSurvey(app.database, request.params.token, request.body);
      return reply.status(204).send(null);
    },
  );
};
