'use client';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import Link from 'next/link';
import { Fragment, useState, type ReactNode } from 'react';
import { useCampaigns } from '@/lib/client/campaigns';
import type { Campaign } from '@/lib/client/types';
import { Button } from './button';
import { ConfirmDialog } from './confirm-dialog';
import { Alert, Card, EmptyState, PageHeader } from './feedback';
import { DeleteError } from './in-use-error';
import { QueryState } from './query-state';

/** What the page puts into each item of its list. */
export interface ResourceItemParts {
  /** "id 3 · used by campaign #1, campaign #4", linked. */
  meta: ReactNode;
  /** The Edit and Delete buttons. */
  actions: ReactNode;
}

/**
 * The page of a thing campaigns refer to (a schedule, a profile): a header with "New …", the
 * create/edit form inline, the list showing which campaigns use each item, and a delete
 * confirmation that explains a refusal (an item in use cannot be deleted). The page supplies the
 * words, the form and how one item looks.
 */
export function ResourceView<T>({
  noun,
  plural,
  title,
  description,
  items,
  remove,
  idOf,
  nameOf,
  isUsedBy,
  renderForm,
  empty,
  list,
  renderItem,
  deleteNote,
}: {
  /** 'profile': makes "New profile", "Delete profile", … */
  noun: string;
  /** 'profiles', for "Could not load the profiles". */
  plural: string;
  title: string;
  description: string;
  items: Pick<UseQueryResult<T[]>, 'data' | 'isPending' | 'error' | 'refetch'>;
  remove: Pick<UseMutationResult<unknown, Error, number>, 'mutate' | 'reset' | 'isPending' | 'error'>;
  idOf: (item: T) => number;
  nameOf: (item: T) => string;
  isUsedBy: (campaign: Campaign, id: number) => boolean;
  /** The create form (item undefined) or edit form; `onDone` takes the notice to show ('' for none). */
  renderForm: (item: T | undefined, onDone: (message: string) => void) => ReactNode;
  empty: { title: string; body: ReactNode };
  list: { label: string; className: string };
  /** One `<li>` of the list. */
  renderItem: (item: T, parts: ResourceItemParts) => ReactNode;
  /** Under the delete question: what deleting means. */
  deleteNote: ReactNode;
}) {
  const campaigns = useCampaigns();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const usedBy = (id: number) => campaigns.data?.filter((c) => isUsedBy(c, id)) ?? [];
  const done = (message: string) => {
    setEditing(null);
    setNotice(message || null);
  };
  const edit = (item: T | 'new') => {
    setNotice(null);
    setEditing(item);
  };

  const meta = (item: T) => {
    const users = usedBy(idOf(item));
    return (
      <p className="text-xs text-muted">
        id {idOf(item)}
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
    );
  };
  const actions = (item: T) => (
    <div className="flex gap-2">
      <Button variant="secondary" size="sm" aria-label={`Edit ${nameOf(item)}`} onClick={() => edit(item)}>
        Edit
      </Button>
      <Button
        variant="secondary"
        size="sm"
        aria-label={`Delete ${nameOf(item)}`}
        onClick={() => {
          remove.reset();
          setDeleting(item);
        }}
      >
        Delete
      </Button>
    </div>
  );

  return (
    <>
      <PageHeader title={title} description={description} actions={editing === null && <Button onClick={() => edit('new')}>New {noun}</Button>} />
      {notice && (
        <Alert tone="success" className="mb-4">
          {notice}
        </Alert>
      )}
      {editing !== null && (
        <Card title={editing === 'new' ? `New ${noun}` : `Edit ${nameOf(editing)}`} className="mb-6">
          <Fragment key={editing === 'new' ? 'new' : idOf(editing)}>{renderForm(editing === 'new' ? undefined : editing, done)}</Fragment>
        </Card>
      )}
      <QueryState isPending={items.isPending} error={items.error} refetch={items.refetch} what={plural} />
      {items.data && items.data.length === 0 && editing === null && (
        <EmptyState title={empty.title} action={<Button onClick={() => setEditing('new')}>Create your first {noun}</Button>}>
          {empty.body}
        </EmptyState>
      )}
      {items.data && items.data.length > 0 && (
        <ul className={list.className} aria-label={list.label}>
          {items.data.map((item) => (
            <Fragment key={idOf(item)}>{renderItem(item, { meta: meta(item), actions: actions(item) })}</Fragment>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting ? nameOf(deleting) : noun}?`}
        confirmLabel={`Delete ${noun}`}
        pending={remove.isPending}
        error={<DeleteError error={remove.error} what={noun} />}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(idOf(deleting), {
            onSuccess: () => {
              setNotice(`${nameOf(deleting)} was deleted.`);
              setDeleting(null);
            },
          })
        }
      >
        {deleteNote}
      </ConfirmDialog>
    </>
  );
}
