'use client';
import { describePace } from '@/lib/client/format';
import { useDeleteProfile, useProfiles } from '@/lib/client/profiles';
import type { Profile } from '@/lib/client/types';
import { ResourceView } from '../ui/resource-view';
import { PaceStrip } from './pace-strip';
import { ProfileForm } from './profile-form';

export const profileName = (p: Pick<Profile, 'nickname' | 'profile_id'>) => p.nickname ?? `Profile #${p.profile_id}`;

export function ProfilesView() {
  const profiles = useProfiles();
  const remove = useDeleteProfile();
  return (
    <ResourceView<Profile>
      noun="profile"
      plural="profiles"
      title="Pacing profiles"
      description="A profile sets how fast a campaign calls: a burst of calls spread over a period, then a pause, repeating through each calling window."
      items={profiles}
      remove={remove}
      idOf={(p) => p.profile_id}
      nameOf={profileName}
      isUsedBy={(c, id) => c.profiles.some((w) => w.profile_id === id)}
      renderForm={(p, onDone) => <ProfileForm profile={p} onDone={onDone} />}
      empty={{
        title: 'No pacing profiles yet',
        body: 'A campaign calls through one or more daily windows, each paced by a profile. Create one, e.g. 100 calls every 30 minutes with a 10-minute pause.',
      }}
      list={{ label: 'Profiles', className: 'grid gap-4 md:grid-cols-2' }}
      renderItem={(p, { meta, actions }) => (
        <li className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div>
              <h2 className="font-semibold">{profileName(p)}</h2>
              {meta}
            </div>
            {actions}
          </div>
          <p className="text-sm">{describePace(p)}</p>
          <PaceStrip pace={p} compact />
        </li>
      )}
      deleteNote="This can’t be undone. A profile used by a campaign can’t be deleted."
    />
  );
}
