import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { addCallsInput, campaignIdInput, campaignInputObject, campaignUpdateObject, profileWindowObject } from '../schemas/campaign';
import { callsPage, callsQuery, deliveriesPage, deliveriesQuery } from '../schemas/calls';
import { profileInput, profileUpdate, profileView } from '../schemas/profile';
import * as replies from '../schemas/replies';
import { scheduleInput, scheduleUpdate, scheduleView } from '../schemas/schedule';
import { z } from '../schemas/zod';

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with.
 * Every write accepts JSON, urlencoded and multipart bodies and query-string parameters alike.
 */

const BODY_TYPES = ['application/json', 'multipart/form-data', 'application/x-www-form-urlencoded'] as const;

function body(schema: z.ZodType, description: string) {
  return { description, content: Object.fromEntries(BODY_TYPES.map((t) => [t, { schema }])) };
}

const ok = (schema: z.ZodType, description = 'Success') => ({ description, content: { 'application/json': { schema } } });
const errors = {
  401: ok(replies.errorReply, 'Missing or invalid bearer token'),
  404: ok(replies.errorReply, 'No such resource in your account'),
  413: ok(replies.errorReply, 'Body or upload too large'),
  422: ok(replies.validationReply, 'Validation errors, field → messages'),
};
const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: '6' }) });

type Op = Omit<RouteConfig, 'responses'> & { responses: RouteConfig['responses'] };

function build(): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  // `profiles` names ProfileWindow by $ref (its schema is wrapped to decode JSON strings).
  registry.register('ProfileWindow', profileWindowObject);
  const ops: Op[] = [
    { method: 'post', path: '/api/schedules', tags: ['Schedules'], summary: 'Create Schedule', request: { body: body(scheduleInput, 'Days as an array (or a JSON-encoded string of one in forms).') }, responses: { 200: ok(replies.idNicknameReply), ...errors } },
    { method: 'get', path: '/api/schedules', tags: ['Schedules'], summary: 'Get Schedules', responses: { 200: ok(z.array(scheduleView)), 401: errors[401] } },
    ...(['patch', 'put'] as const).map((method): Op => ({ method, path: '/api/schedules/{id}', tags: ['Schedules'], summary: 'Update Schedule', description: 'Only given fields change; `name` is a synonym of `nickname`. Parameters may be sent in the query string.', request: { params: idParam, query: scheduleUpdate.in, body: body(scheduleUpdate, 'Fields to change') }, responses: { 200: ok(replies.scheduleUpdateReply), ...errors } })),
    { method: 'delete', path: '/api/schedules/{id}', tags: ['Schedules'], summary: 'Delete Schedule', request: { params: idParam }, responses: { 200: ok(replies.successReply), 409: ok(replies.errorReply, 'The schedule is used by a campaign (the highest campaign id is named)'), 404: errors[404] } },
    { method: 'post', path: '/api/profiles', tags: ['Profiles'], summary: 'Create Profile', request: { body: body(profileInput, 'Pacing numbers') }, responses: { 200: ok(replies.idNicknameReply), ...errors } },
    { method: 'get', path: '/api/profiles', tags: ['Profiles'], summary: 'Get Profiles', responses: { 200: ok(z.array(profileView)), 401: errors[401] } },
    ...(['patch', 'put'] as const).map((method): Op => ({ method, path: '/api/profiles/{id}', tags: ['Profiles'], summary: 'Update Profile', request: { params: idParam, query: profileUpdate, body: body(profileUpdate, 'Fields to change') }, responses: { 200: ok(replies.idNicknameReply), ...errors } })),
    { method: 'delete', path: '/api/profiles/{id}', tags: ['Profiles'], summary: 'Delete Profile', request: { params: idParam }, responses: { 200: ok(replies.successReply), 409: ok(replies.errorReply, 'The profile is used by a campaign'), 404: errors[404] } },
    { method: 'post', path: '/api/campaigns', tags: ['Campaigns'], summary: 'Create Campaign', description: '`phone_numbers` may be an uploaded .csv/.txt file (multipart; UTF-8, or UTF-16 with a byte order mark), a JSON array, or lines of text. `schedule_id` is a synonym of `schedule`.', request: { body: body(campaignInputObject, 'The campaign') }, responses: { 200: ok(replies.createCampaignReply), ...errors } },
    { method: 'get', path: '/api/campaigns', tags: ['Campaigns'], summary: 'Get Campaigns', responses: { 200: ok(z.array(replies.campaignView)), 401: errors[401] } },
    ...(['patch', 'put'] as const).map((method): Op => ({ method, path: '/api/campaigns', tags: ['Campaigns'], summary: 'Update Campaign without an id', description: 'As the reference documents: changes nothing and returns all campaigns.', responses: { 200: ok(z.array(replies.campaignView)), 401: errors[401] } })),
    { method: 'get', path: '/api/campaigns/{id}', tags: ['Campaigns'], summary: 'Get one campaign', request: { params: idParam }, responses: { 200: ok(replies.campaignView), 404: errors[404] } },
    ...(['patch', 'put'] as const).map((method): Op => ({ method, path: '/api/campaigns/{id}', tags: ['Campaigns'], summary: 'Update Campaign', description: '`profiles` replaces all of the campaign’s windows.', request: { params: idParam, query: campaignUpdateObject, body: body(campaignUpdateObject, 'Fields to change') }, responses: { 200: ok(replies.idReply), ...errors } })),
    { method: 'delete', path: '/api/campaigns/{id}', tags: ['Campaigns'], summary: 'Delete Campaign', request: { params: idParam }, responses: { 200: ok(replies.successReply), 404: errors[404] } },
    { method: 'post', path: '/api/campaigns/start', tags: ['Campaigns'], summary: 'Start Campaign', request: { body: body(campaignIdInput, 'The campaign') }, responses: { 200: ok(replies.campaignStatusReply), ...errors } },
    { method: 'post', path: '/api/campaigns/stop', tags: ['Campaigns'], summary: 'Stop Campaign', request: { body: body(campaignIdInput, 'The campaign') }, responses: { 200: ok(replies.campaignStatusReply), ...errors } },
    { method: 'post', path: '/api/campaigns/add-calls', tags: ['Campaigns'], summary: 'Add Calls', description: 'Appends to the end of the queue, also while running. `phone_numbers` as in Create Campaign. Numbers the campaign already has are skipped and counted as duplicates.', request: { body: body(addCallsInput, 'The calls') }, responses: { 200: ok(replies.addCallsReply), ...errors } },
    { method: 'get', path: '/api/campaigns/{id}/calls', tags: ['Calls'], summary: 'List a campaign’s calls', description: 'Callpace addition: status, attempt, slot, dial and end times, outcome; filter by status; cursor pagination; `format=csv` exports every matching call.', request: { params: idParam, query: callsQuery }, responses: { 200: ok(callsPage), 404: errors[404], 422: errors[422] } },
    { method: 'get', path: '/api/campaigns/{id}/deliveries', tags: ['Calls'], summary: 'List a campaign’s result deliveries', description: 'Callpace addition: the result_url outbox — pending, delivered or dead, with attempts and the last error.', request: { params: idParam, query: deliveriesQuery }, responses: { 200: ok(deliveriesPage), 404: errors[404], 422: errors[422] } },
    { method: 'post', path: '/api/deliveries/{id}/replay', tags: ['Calls'], summary: 'Replay a dead result delivery', request: { params: idParam }, responses: { 200: ok(replies.successReply), 404: errors[404], 409: ok(replies.errorReply, 'The delivery is not dead') } },
  ];
  for (const op of ops) registry.registerPath({ security: [{ bearer: [] }], ...op, responses: { 401: errors[401], ...op.responses } });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Callpace Call Scheduling and Pacing API',
      version: '1.0.0',
      description: 'Wire-compatible with the Call Scheduling and Pacing API reference. Authenticate with `Authorization: Bearer <token>` (create one with `npm run --silent token -- create --account NAME` or on the Tokens page).',
    },
    servers: [{ url: '/' }],
  });
}

let cached: ReturnType<typeof build> | undefined;

/** The document is pure data derived from the schemas: built once per process. */
export function openApiDocument(): ReturnType<typeof build> {
  cached ??= build();
  return cached;
}
