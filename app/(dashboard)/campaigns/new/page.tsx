import { CampaignForm } from '@/components/campaigns/campaign-form';
import { PageHeader } from '@/components/ui/feedback';

export const metadata = { title: 'New campaign' };

export default function NewCampaignPage() {
  return (
    <>
      <PageHeader title="New campaign" description="Pick when and how fast to call, where the calls go, and who to call. It starts stopped: start it when you are ready." />
      <CampaignForm />
    </>
  );
}
