import { notFound } from 'next/navigation';
import { CampaignDetail } from '@/components/campaigns/campaign-detail';

export const metadata = { title: 'Campaign' };

type Search = Record<string, string | string[] | undefined>;

/** The one-time message after creating or saving (passed in the URL by the form). */
function noticeOf(search: Search): string | null {
  if (search.saved) return 'Campaign saved.';
  if (typeof search.added === 'string') {
    const added = Number(search.added) || 0;
    const duplicates = Number(search.duplicates) || 0;
    return `Campaign created with ${added.toLocaleString('en-US')} ${added === 1 ? 'number' : 'numbers'} in its queue${
      duplicates ? ` (${duplicates.toLocaleString('en-US')} duplicate ${duplicates === 1 ? 'line was' : 'lines were'} skipped)` : ''
    }. It is stopped: start it when you are ready.`;
  }
  return null;
}

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const { id } = await params;
  if (!/^\d{1,15}$/.test(id)) notFound();
  return <CampaignDetail id={Number(id)} notice={noticeOf(await searchParams)} />;
}
