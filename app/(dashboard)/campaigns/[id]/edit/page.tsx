import { notFound } from 'next/navigation';
import { EditCampaign } from '@/components/campaigns/edit-campaign';

export const metadata = { title: 'Edit campaign' };

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,15}$/.test(id)) notFound();
  return <EditCampaign id={Number(id)} />;
}
