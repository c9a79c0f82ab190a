import { listCalls } from '@/lib/call-log/list-calls';
import { callsCsvStream } from '@/lib/call-log/csv';
import { callView } from '@/lib/call-log/views';
import { getCampaignRow } from '@/lib/campaigns/queries';
import { callsQuery, encodeCursor } from '@/lib/schemas/calls';
import { json } from '@/lib/wire/reply';
import { apiRoute, pathId } from '@/lib/wire/route';

type Params = { id: string };

// A campaign's calls in queue order: one page as JSON (keyset cursor), or all of them as CSV.
export const GET = apiRoute<Params>(({ db, accountId, params, input }) => {
  const campaign = getCampaignRow(db, accountId, pathId('Campaign', params.id));
  const q = callsQuery.parse(input);
  if (q.format === 'csv')
    return new Response(callsCsvStream(db, campaign.id, q.status), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="campaign-${campaign.id}-calls.csv"`,
        'cache-control': 'no-store',
      },
    });
  const rows = listCalls(db, { campaignId: campaign.id, status: q.status, afterId: q.cursor ?? 0, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  return json({ calls: page.map(callView), next_cursor: rows.length > q.limit ? encodeCursor(page[page.length - 1].id) : null });
});
