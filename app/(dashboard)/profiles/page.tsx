import { ProfilesView } from '@/components/profiles/profiles-view';

export const metadata = { title: 'Profiles' };

export default function ProfilesPage() {
  return <ProfilesView />;
}
