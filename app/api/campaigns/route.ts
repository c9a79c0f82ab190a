import { listCampaignDetails } from '@/lib/campaigns/queries';
import { createCampaignWithPhoneList, phoneListSource } from '@/lib/calls/phone-list';
import { campaignInput } from '@/lib/schemas/campaign';
import { json, success } from '@/lib/wire/reply';
import { apiRoute } from '@/lib/wire/route';
import { campaignView } from '@/lib/wire/views';

// Create Campaign: fields are validated before the phone list is read, and the campaign and its
// calls are stored in one transaction.
export const POST = apiRoute(async ({ db, accountId, input, files }) => {
  const fields = campaignInput.parse(input);
  const source = phoneListSource(files, fields.phone_numbers);
  const { id, added, duplicates } = await createCampaignWithPhoneList(db, accountId, fields, source);
  return success({ id }, { added, duplicates });
});

const list = apiRoute(({ db, accountId }) => {
  const now = new Date();
  return json(listCampaignDetails(db, accountId).map((c) => campaignView(c, now)));
});

// Get Campaigns: a bare array. PATCH/PUT without an id answer the same list and change
// nothing, as the reference documents.
export const GET = list;
export const PATCH = list;
export const PUT = list;
