'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useCampaigns } from '@/lib/client/campaigns';
import { describePace } from '@/lib/client/format';
import { useDeleteProfile, useProfiles } from '@/lib/client/profiles';
import type { Profile } from '@/lib/client/types';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Alert, Card, EmptyState, PageHeader } from '../ui/feedback';
import { DeleteError } from '../ui/in-use-error';
import { QueryState } from '../ui/query-state';
import { PaceStrip } from './pace-strip';
import { ProfileForm } from './profile-form';

export const profileName = (p: Pick<Profile, 'nickname' | 'profile_id'>) => p.nickname ?? `Profile #${p.profile_id}`;

export function ProfilesView() {
  const profiles = useProfiles();
  const campaigns = useCampaigns();
  const remove = useDeleteProfile();
  const [editing, setEditing] = useState<Profile | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Profile | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const usedBy = (id: number) => campaigns.data?.filter((c) => c.profiles.some((w) => w.profile_id === id)) ?? [];
  const done = (message: string) => {
    setEditing(null);
    setNotice(message || null);
  };

  return (
    <>
      <PageHeader
        title="Pacing profiles"
        description="A profile sets how fast a campaign calls: a burst of calls spread over a period, then a pause, repeating through each calling window."
        actions={
          editing === null && (
            <Button
              onClick={() => {
                setNotice(null);
                setEditing('new');
              }}
            >
              New profile
            </Button>
          )
        }
      />
      {notice && (
        <Alert tone="success" className="mb-4">
          {notice}
        </Alert>
      )}
      {editing !== null && (
        <Card title={editing === 'new' ? 'New profile' : `Edit ${profileName(editing)}`} className="mb-6">
          <ProfileForm key={editing === 'new' ? 'new' : editing.profile_id} profile={editing === 'new' ? undefined : editing} onDone={done} />
        </Card>
      )}
      <QueryState isPending={profiles.isPending} error={profiles.error} refetch={profiles.refetch} what="profiles" />
      {profiles.data && profiles.data.length === 0 && editing === null && (
        <EmptyState title="No pacing profiles yet" action={<Button onClick={() => setEditing('new')}>Create your first profile</Button>}>
          A campaign calls through one or more daily windows, each paced by a profile. Create one, e.g. 100 calls every 30 minutes with a
          10-minute pause.
        </EmptyState>
      )}
      {profiles.data && profiles.data.length > 0 && (
        <ul className="grid gap-4 md:grid-cols-2" aria-label="Profiles">
          {profiles.data.map((p) => {
            const users = usedBy(p.profile_id);
            return (
              <li key={p.profile_id} className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <h2 className="font-semibold">{profileName(p)}</h2>
                    <p className="text-xs text-muted">
                      id {p.profile_id}
                      {users.length > 0 && (
                        <>
                          {' · used by '}
                          {users.map((c, i) => (
                            <span key={c.campaign_id}>
                              {i > 0 && ', '}
                              <Link className="underline" href={`/campaigns/${c.campaign_id}`}>
                                campaign #{c.campaign_id}
                              </Link>
                            </span>
                          ))}
                        </>
                      )}
                    </p>
                  </div>
                  <div className="flex gap-2">
                    <Button
                      variant="secondary"
                      size="sm"
                      aria-label={`Edit ${profileName(p)}`}
                      onClick={() => {
                        setNotice(null);
                        setEditing(p);
                      }}
                    >
                      Edit
                    </Button>
                    <Button
                      variant="secondary"
                      size="sm"
                      aria-label={`Delete ${profileName(p)}`}
                      onClick={() => {
                        remove.reset();
                        setDeleting(p);
                      }}
                    >
                      Delete
                    </Button>
                  </div>
                </div>
                <p className="text-sm">{describePace(p)}</p>
                <PaceStrip pace={p} compact />
              </li>
            );
          })}
        </ul>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting ? profileName(deleting) : 'profile'}?`}
        confirmLabel="Delete profile"
        pending={remove.isPending}
        error={<DeleteError error={remove.error} what="profile" />}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.profile_id, {
            onSuccess: () => {
              setNotice(`${profileName(deleting)} was deleted.`);
              setDeleting(null);
            },
          })
        }
      >
        This can’t be undone. A profile used by a campaign can’t be deleted.
      </ConfirmDialog>
    </>
  );
}
