import { deleteCampaign, updateCampaign } from '@/lib/campaigns/mutations';
import { getCampaignDetail } from '@/lib/campaigns/queries';
import { campaignUpdate } from '@/lib/schemas/campaign';
import { json, success } from '@/lib/wire/reply';
import { apiRoute, pathId } from '@/lib/wire/route';
import { campaignView } from '@/lib/wire/views';

type Params = { id: string };
const idOf = (params: Params) => pathId('Campaign', params.id);

export const GET = apiRoute<Params>(({ db, accountId, params }) => json(campaignView(getCampaignDetail(db, accountId, idOf(params)), new Date())));

// Update Campaign (PATCH and PUT behave the same; `profiles` replaces all windows).
const update = apiRoute<Params>(({ db, accountId, params, input }) => {
  const id = idOf(params);
  updateCampaign(db, accountId, id, campaignUpdate.parse(input));
  return success({ id });
});
export const PATCH = update;
export const PUT = update;

// Delete Campaign (its schedule and profiles stay).
export const DELETE = apiRoute<Params>(({ db, accountId, params }) => {
  deleteCampaign(db, accountId, idOf(params));
  return success();
});
