import { getCampaignRow } from '@/lib/campaigns/queries';
import { addPhoneListToCampaign, phoneListSource } from '@/lib/calls/phone-list';
import { addCallsInput } from '@/lib/schemas/campaign';
import { success } from '@/lib/wire/reply';
import { apiRoute } from '@/lib/wire/route';

// Add Calls: appended to the end of the queue, also while the campaign runs, all or nothing.
// Replies with additive counts: how many were added and how many were skipped as duplicates.
export const POST = apiRoute(async ({ db, accountId, input, files }) => {
  const { campaign_id, phone_numbers } = addCallsInput.parse(input);
  getCampaignRow(db, accountId, campaign_id); // 404 before reading a large upload
  const source = phoneListSource(files, phone_numbers);
  const { added, duplicates } = await addPhoneListToCampaign(db, accountId, campaign_id, source);
  return success(undefined, { added, duplicates });
});
