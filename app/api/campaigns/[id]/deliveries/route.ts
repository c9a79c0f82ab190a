import { deliveryView } from '@/lib/call-log/views';
import { getCampaignRow } from '@/lib/campaigns/queries';
import { listDeliveries } from '@/lib/results/list-deliveries';
import { deliveriesQuery, encodeCursor } from '@/lib/schemas/calls';
import { json } from '@/lib/wire/reply';
import { apiRoute, pathId } from '@/lib/wire/route';

type Params = { id: string };

// The result_url outbox of a campaign: each delivery's state, attempts and last error.
export const GET = apiRoute<Params>(({ db, accountId, params, input }) => {
  const campaign = getCampaignRow(db, accountId, pathId('Campaign', params.id));
  const q = deliveriesQuery.parse(input);
  const rows = listDeliveries(db, { campaignId: campaign.id, status: q.status, afterId: q.cursor ?? 0, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  return json({ deliveries: page.map(deliveryView), next_cursor: rows.length > q.limit ? encodeCursor(page[page.length - 1].id) : null });
});
