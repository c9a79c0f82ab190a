import { startCampaign } from '@/lib/campaigns/lifecycle';
import { campaignIdInput } from '@/lib/schemas/campaign';
import { success } from '@/lib/wire/reply';
import { apiRoute } from '@/lib/wire/route';

// Start Campaign; the campaign's resulting status is an additive field.
export const POST = apiRoute(({ db, accountId, input }) => {
  const status = startCampaign(db, accountId, campaignIdInput.parse(input).campaign_id);
  return success(undefined, { campaign_status: status });
});
