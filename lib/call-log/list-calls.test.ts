import { describe, expect, it } from 'vitest';
import { completeCalls } from '../pacer/end-calls';
import { edt, FakeDialer, openDb, seedCampaign, start, tickDeps } from '../pacer/testing/fixtures';
import { runPacerTick } from '../pacer/tick';
import { callsCsvStream } from './csv';
import { listCalls } from './list-calls';

function campaignWithMixedStatuses() {
  const db = openDb(':memory:');
  const ids = seedCampaign(db, { calls: 30 });
  seedCampaign(db, { calls: 5 }); // another campaign's calls never show up
  start(db, ids, edt('2026-06-10T11:59:59'));
  const dialer = new FakeDialer();
  runPacerTick(tickDeps(db, dialer, edt('2026-06-10T12:00:20'), { graceMs: 60_000 }));
  // Calls 0..4 dialed; 1 and 3 completed.
  completeCalls(
    db,
    [1, 3].map((i) => ({ callId: dialer.dialed[i].callId, outcome: 'busy' as const, endedAt: edt('2026-06-10T12:00:30'), durationSeconds: 5 })),
    edt('2026-06-10T12:00:30'),
  );
  return { db, ids };
}

describe('listCalls', () => {
  it('pages through every call of the campaign once, in queue order, across statuses', () => {
    const { db, ids } = campaignWithMixedStatuses();
    const seen: number[] = [];
    let afterId = 0;
    for (;;) {
      const page = listCalls(db, { campaignId: ids.campaignId, afterId, limit: 7 });
      seen.push(...page.map((c) => c.id));
      if (page.length < 7) break;
      afterId = page[page.length - 1].id;
    }
    expect(seen).toHaveLength(30);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(listCalls(db, { campaignId: ids.campaignId, afterId: 0, limit: 3 }).map((c) => c.status)).toEqual(['dialing', 'completed', 'dialing']);
  });

  it('filters by status', () => {
    const { db, ids } = campaignWithMixedStatuses();
    expect(listCalls(db, { campaignId: ids.campaignId, status: 'completed', afterId: 0, limit: 100 }).map((c) => c.phoneNumber)).toEqual([
      '+15550000001',
      '+15550000003',
    ]);
    expect(listCalls(db, { campaignId: ids.campaignId, status: 'queued', afterId: 0, limit: 100 })).toHaveLength(25);
  });
});

describe('callsCsvStream', () => {
  it('streams a header and every matching call, quoting fields that need it', async () => {
    const { db, ids } = campaignWithMixedStatuses();
    db.$client.prepare("UPDATE calls SET message_reference = 'a, \"b\"' WHERE phone_number = '+15550000001'").run();
    db.$client.prepare("UPDATE calls SET message_reference = '=HYPERLINK(1)' WHERE phone_number = '+15550000003'").run();
    const text = await new Response(callsCsvStream(db, ids.campaignId, 'completed')).text();
    expect(text.split('\r\n')).toEqual([
      'call_id,phone_number,ani,message_reference,status,outcome,attempt,slot_at,dialed_at,ended_at,duration_seconds',
      expect.stringMatching(/^\d+,\+15550000001,\+15550009999,"a, ""b""",completed,busy,1,2026-06-10T16:00:05.000Z,2026-06-10T16:00:20.000Z,2026-06-10T16:00:30.000Z,5$/),
      expect.stringMatching(/^\d+,\+15550000003,\+15550009999,'=HYPERLINK\(1\),completed,busy,1,/),
      '',
    ]);
    const all = await new Response(callsCsvStream(db, ids.campaignId, undefined)).text();
    expect(all.trim().split('\r\n')).toHaveLength(31);
  });
});
