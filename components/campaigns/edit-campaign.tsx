'use client';
import { useCampaign } from '@/lib/client/campaigns';
import { PageHeader } from '../ui/feedback';
import { QueryState } from '../ui/query-state';
import { CampaignForm } from './campaign-form';

export function EditCampaign({ id }: { id: number }) {
  const campaign = useCampaign(id);
  return (
    <>
      <PageHeader
        title={`Edit campaign #${id}`}
        description="Changes apply from the next call on. Saving new windows replaces all the old ones. Add numbers from the campaign page."
      />
      {campaign.data ? (
        <CampaignForm campaign={campaign.data} />
      ) : (
        <QueryState isPending={campaign.isPending} error={campaign.error} refetch={campaign.refetch} what="campaign" />
      )}
    </>
  );
}
