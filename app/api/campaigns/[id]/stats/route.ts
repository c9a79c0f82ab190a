import { getCampaignRow } from '@/lib/campaigns/queries';
import { campaignStats } from '@/lib/calls/stats';
import { json } from '@/lib/wire/reply';
import { apiRoute, pathId } from '@/lib/wire/route';

// Campaign stats for the dashboard chart: dials per hour and the outcome mix.
export const GET = apiRoute<{ id: string }>(({ db, accountId, params }) => {
  const campaign = getCampaignRow(db, accountId, pathId('Campaign', params.id));
  return json(campaignStats(db, campaign.id));
});
