import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCallsInput, campaignIdInput, campaignInput, campaignUpdate } from '@/lib/schemas/campaign';
import { profileInput, profileUpdate } from '@/lib/schemas/profile';
import { scheduleInput, scheduleUpdate } from '@/lib/schemas/schedule';
import { ApiClient, startTestServer, OPERATIONS, serverErrorsSeen, type Body, type Operation } from '../support/api';
import { type TestServer } from '../support/server';

/**
 * GET /api/openapi.json: an OpenAPI 3.1 document with all 18 operations of the reference, whose
 * request and reply schemas are components generated from the same zod schemas the routes use.
 */

let server: TestServer;
let doc: Body;

beforeAll(async () => {
  server = await startTestServer({ env: { PACER: 'off' } });
  const r = await new ApiClient(server.url, null).get('/api/openapi.json');
  if (r.status !== 200) throw new Error(`GET /api/openapi.json → ${r.status} ${r.text.slice(0, 300)}`);
  doc = r.body;
});

afterAll(async () => {
  await server?.stop();
});

/** Follows `$ref`s into components. */
function deref(schema: Body, seen = new Set<string>()): Body {
  if (schema && typeof schema.$ref === 'string') {
    const ref: string = schema.$ref;
    if (seen.has(ref)) return {};
    const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
    const target = m ? doc.components?.schemas?.[decodeURIComponent(m[1])] : undefined;
    if (!target) throw new Error(`unresolved $ref ${ref}`);
    return deref(target, new Set([...seen, ref]));
  }
  return schema;
}

const op = (o: Operation): Body => doc.paths?.[o.path]?.[o.method.toLowerCase()];
const find = (method: Operation['method'], path: string) => op({ method, path });

function requestSchema(method: Operation['method'], path: string, type = 'application/json'): Body {
  const body = find(method, path)?.requestBody;
  expect(body, `${method} ${path} has a requestBody`).toBeDefined();
  const schema = body.content?.[type]?.schema;
  expect(schema, `${method} ${path} documents ${type}`).toBeDefined();
  return schema;
}

function responseSchema(method: Operation['method'], path: string, status = '200'): Body {
  const schema = find(method, path)?.responses?.[status]?.content?.['application/json']?.schema;
  expect(schema, `${method} ${path} documents a JSON ${status} reply`).toBeDefined();
  return deref(schema);
}

/** The input keys of a zod object, through refinements, transforms and pipes. */
function zodKeys(schema: Body): string[] {
  let s = schema;
  for (let i = 0; i < 10 && s; i++) {
    if (s.shape) return Object.keys(s.shape).sort();
    // A preprocess pipe's input side is a transform; its object is on the output side.
    const def = s._zod?.def;
    s = def?.in?.shape || def?.in?._zod?.def?.in ? def.in : (def?.out ?? def?.innerType ?? def?.schema);
  }
  throw new Error('not a zod object');
}

const propertyNames = (schema: Body) => Object.keys(deref(schema).properties ?? {}).sort();
const WRITE: Array<Operation['method']> = ['POST', 'PATCH', 'PUT'];

describe('GET /api/openapi.json', () => {
  it('is a public OpenAPI 3.1 JSON document', async () => {
    const r = await new ApiClient(server.url, null).get('/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.contentType).toMatch(/application\/json/);
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info?.title).toEqual(expect.any(String));
    expect(doc.info?.version).toEqual(expect.any(String));
  });

  it('has all 18 operations of the reference (paths × methods)', () => {
    const missing = OPERATIONS.filter((o) => !op(o)).map((o) => `${o.method} ${o.path}`);
    expect(missing).toEqual([]);
    expect(OPERATIONS).toHaveLength(18);
  });

  it('every operation needs the bearer scheme, documents a JSON 200 and a 401', () => {
    const schemes = doc.components?.securitySchemes ?? {};
    const bearer = Object.entries(schemes).find(([, v]: [string, Body]) => v.type === 'http' && String(v.scheme).toLowerCase() === 'bearer')?.[0];
    expect(bearer, JSON.stringify(schemes)).toBeDefined();
    for (const o of OPERATIONS) {
      const security = op(o).security ?? doc.security;
      expect(security?.some((s: Body) => bearer! in s), `${o.method} ${o.path} security`).toBe(true);
      expect(op(o).responses?.['200']?.content?.['application/json']?.schema, `${o.method} ${o.path} 200`).toBeDefined();
      expect(op(o).responses?.['401'], `${o.method} ${o.path} 401`).toBeDefined();
    }
  });

  it('operations on /{id} declare the id path parameter and a 404; writes declare a 422', () => {
    for (const o of OPERATIONS) {
      if (o.path.includes('{id}')) {
        const params = [...(op(o).parameters ?? []), ...(doc.paths[o.path].parameters ?? [])].map((p: Body) => (p.$ref ? doc.components.parameters[p.$ref.split('/').pop()] : p));
        expect(params.some((p: Body) => p.name === 'id' && p.in === 'path'), `${o.method} ${o.path} id parameter`).toBe(true);
        expect(op(o).responses?.['404'], `${o.method} ${o.path} 404`).toBeDefined();
      }
      if (WRITE.includes(o.method)) expect(op(o).responses?.['422'], `${o.method} ${o.path} 422`).toBeDefined();
    }
  });

  it('write operations accept JSON, multipart/form-data and urlencoded bodies', () => {
    for (const o of OPERATIONS.filter((x) => WRITE.includes(x.method))) {
      const content = op(o).requestBody?.content ?? {};
      expect(Object.keys(content).sort(), `${o.method} ${o.path}`).toEqual(expect.arrayContaining(['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data']));
    }
  });

  it('every $ref resolves to a component', () => {
    const refs = new Set<string>();
    const walk = (v: Body) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (k === '$ref' && typeof x === 'string' ? refs.add(x) : walk(x));
    };
    walk(doc);
    const dangling = [...refs].filter((ref) => {
      const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref) ?? [];
      return !section || !doc.components?.[section]?.[decodeURIComponent(name)];
    });
    expect(dangling).toEqual([]);
  });

  it('request bodies are components generated from the zod schemas the routes validate with', () => {
    const cases: Array<[Operation['method'], string, Body]> = [
      ['POST', '/api/schedules', scheduleInput],
      ['PATCH', '/api/schedules/{id}', scheduleUpdate],
      ['PUT', '/api/schedules/{id}', scheduleUpdate],
      ['POST', '/api/profiles', profileInput],
      ['PATCH', '/api/profiles/{id}', profileUpdate],
      ['PUT', '/api/profiles/{id}', profileUpdate],
      ['POST', '/api/campaigns', campaignInput],
      ['PATCH', '/api/campaigns/{id}', campaignUpdate],
      ['PUT', '/api/campaigns/{id}', campaignUpdate],
      ['POST', '/api/campaigns/start', campaignIdInput],
      ['POST', '/api/campaigns/stop', campaignIdInput],
      ['POST', '/api/campaigns/add-calls', addCallsInput],
    ];
    for (const [method, path, zod] of cases) {
      const schema = requestSchema(method, path);
      expect(schema.$ref, `${method} ${path} body is a component`).toMatch(/^#\/components\/schemas\//);
      expect(propertyNames(schema), `${method} ${path}`).toEqual(zodKeys(zod));
    }
  });

  it('request schemas carry the reference fields and rules', () => {
    const schedule = deref(requestSchema('POST', '/api/schedules'));
    expect(schedule.required).toEqual(['days']);
    expect(schedule.properties.days.type).toBe('array');
    expect(deref(schedule.properties.days.items).enum).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(schedule.properties.nickname.maxLength).toBe(64);
    expect(propertyNames(requestSchema('PATCH', '/api/schedules/{id}'))).toEqual(expect.arrayContaining(['days', 'name', 'nickname']));

    const profile = deref(requestSchema('POST', '/api/profiles'));
    expect([...profile.required].sort()).toEqual(['amount_per_period', 'period', 'time_between_periods']);
    for (const f of ['period', 'amount_per_period', 'time_between_periods']) expect(profile.properties[f].type, f).toBe('integer');
    expect(profile.properties.period.minimum).toBe(1);
    expect(profile.properties.time_between_periods.minimum).toBe(0);

    const campaign = deref(requestSchema('POST', '/api/campaigns'));
    expect(Object.keys(campaign.properties)).toEqual(expect.arrayContaining(['start_date', 'end_date', 'schedule', 'schedule_id', 'profiles', 'start_url', 'result_url', 'phone_numbers']));
    expect(campaign.required).toEqual(expect.arrayContaining(['start_date', 'end_date', 'profiles', 'start_url']));
    expect(campaign.properties.start_date.format).toBe('date');
    const window = deref(deref(campaign.properties.profiles).items);
    expect(Object.keys(window.properties ?? {})).toEqual(expect.arrayContaining(['profile', 'profile_id', 'start_time', 'end_time']));

    const update = deref(requestSchema('PATCH', '/api/campaigns/{id}'));
    expect(update.required ?? []).toEqual([]);
    expect(deref(requestSchema('POST', '/api/campaigns/start')).required).toEqual(['campaign_id']);
    expect(deref(requestSchema('POST', '/api/campaigns/add-calls')).required).toEqual(['campaign_id']);
  });

  it('reply schemas match the wire: bare arrays for GET, the reference reply shapes', () => {
    const itemProps = (method: Operation['method'], path: string) => {
      const s = responseSchema(method, path);
      expect(s.type, `${method} ${path} is an array`).toBe('array');
      return Object.keys(deref(s.items).properties ?? {});
    };
    expect(itemProps('GET', '/api/schedules')).toEqual(expect.arrayContaining(['schedule_id', 'nickname', 'days']));
    expect(itemProps('GET', '/api/profiles')).toEqual(expect.arrayContaining(['profile_id', 'nickname']));
    expect(itemProps('GET', '/api/campaigns')).toEqual(
      expect.arrayContaining(['campaign_id', 'start_date', 'end_date', 'start_url', 'result_url', 'schedule_nickname', 'profiles']),
    );
    const created = responseSchema('POST', '/api/schedules');
    expect(Object.keys(deref(created.properties.response).properties)).toEqual(['id', 'nickname']);
    const updated = responseSchema('PATCH', '/api/schedules/{id}');
    expect(deref(updated.properties.response).properties.days.type).toBe('string');
    expect(Object.keys(deref(responseSchema('PATCH', '/api/campaigns/{id}').properties.response).properties)).toEqual(['id']);
    const error = responseSchema('DELETE', '/api/schedules/{id}', '409');
    expect(Object.keys(error.properties).sort()).toEqual(['error', 'status']);
    const validation = find('POST', '/api/schedules').responses['422'].content['application/json'].schema;
    expect(deref(validation).type).toBe('object');
  });

  it('no request in this file was answered with a 5xx', () => {
    expect(serverErrorsSeen()).toEqual([]);
  });
});
