'use client';
import { useId, useState } from 'react';
import { messageOf } from '@/lib/client/api';
import { formatStamp } from '@/lib/client/format';
import { useCreateToken, useRevokeToken, useTokens } from '@/lib/client/tokens';
import type { ApiToken } from '@/lib/client/types';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Alert, Card, EmptyState, PageHeader } from '../ui/feedback';
import { TextField } from '../ui/field';
import { QueryState } from '../ui/query-state';

/** Tokens for scripts: create (shown once), list, revoke. */
export function TokensView() {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<{ token: string; label: string | null } | null>(null);
  const [copied, setCopied] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [origin] = useState(() => (typeof window === 'undefined' ? 'http://localhost:3000' : window.location.origin));
  const tokenId = useId();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setCopied(false);
    create.mutate(label, {
      onSuccess: (r) => {
        setCreated({ token: r.response.token, label: r.response.label });
        setLabel('');
      },
    });
  };
  const name = (t: ApiToken) => t.label ?? t.prefix;

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Scripts and other systems use a token to call the Callpace API (Authorization: Bearer …). A token can do everything your account can."
      />
      <div className="flex flex-col gap-6">
        <Card title="Create a token">
          <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
            <TextField
              label="What is it for?"
              hint="A label to recognise it later, e.g. “CRM nightly import”."
              value={label}
              maxLength={100}
              onChange={(e) => setLabel(e.target.value)}
              className="min-w-64 flex-1"
            />
            <Button type="submit" disabled={create.isPending} className="mb-5">
              {create.isPending ? 'Creating…' : 'Create token'}
            </Button>
          </form>
          {create.error && <Alert tone="error">{messageOf(create.error)}</Alert>}
          {created && (
            <div className="mt-3 rounded-md border border-success/40 bg-success-soft p-4" role="status">
              <p className="font-semibold text-success">Token created{created.label ? ` for “${created.label}”` : ''}. Copy it now: it will not be shown again.</p>
              <label htmlFor={tokenId} className="mt-3 block text-sm font-medium">
                Your new token
              </label>
              <div className="mt-1 flex flex-wrap gap-2">
                <input id={tokenId} readOnly value={created.token} className="min-w-0 flex-1 font-mono" onFocus={(e) => e.currentTarget.select()} data-testid="new-token" />
                <Button
                  variant="secondary"
                  onClick={async () => {
                    try {
                      await navigator.clipboard.writeText(created.token);
                      setCopied(true);
                    } catch {
                      setCopied(false);
                    }
                  }}
                >
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              </div>
              <p className="mt-3 text-xs text-muted">Try it:</p>
              <pre className="mt-1 overflow-x-auto rounded bg-surface p-2 font-mono text-xs">
                curl -H &quot;Authorization: Bearer {created.token}&quot; {origin}/api/campaigns
              </pre>
            </div>
          )}
        </Card>

        <Card title="Your tokens">
          <QueryState isPending={tokens.isPending} error={tokens.error} refetch={tokens.refetch} what="tokens" />
          {tokens.data?.length === 0 && (
            <EmptyState title="No tokens yet">Create one above when a script or another system needs to use the API.</EmptyState>
          )}
          {tokens.data && tokens.data.length > 0 && (
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Tokens table (scrolls sideways)">
              <table className="w-full min-w-[36rem] text-left text-sm" data-testid="token-table">
                <thead className="text-xs text-muted">
                  <tr>
                    <th className="py-2 pr-3 font-medium">Label</th>
                    <th className="py-2 pr-3 font-medium">Starts with</th>
                    <th className="py-2 pr-3 font-medium">Created</th>
                    <th className="py-2 pr-3 font-medium">Last used</th>
                    <th className="py-2 pr-3 font-medium">Status</th>
                    <th className="py-2 font-medium">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {tokens.data.map((t) => (
                    <tr key={t.token_id} className="border-t border-border">
                      <td className="py-2 pr-3">{t.label ?? <span className="text-muted">(no label)</span>}</td>
                      <td className="py-2 pr-3 font-mono">{t.prefix}…</td>
                      <td className="py-2 pr-3 whitespace-nowrap">{formatStamp(t.created_at)}</td>
                      <td className="py-2 pr-3 whitespace-nowrap">{t.last_used_at ? formatStamp(t.last_used_at) : 'never'}</td>
                      <td className="py-2 pr-3">{t.revoked_at ? <span className="text-muted">Revoked</span> : <span className="text-success">Active</span>}</td>
                      <td className="py-2 text-right">
                        {!t.revoked_at && (
                          <Button
                            variant="secondary"
                            size="sm"
                            aria-label={`Revoke ${name(t)}`}
                            onClick={() => {
                              revoke.reset();
                              setRevoking(t);
                            }}
                          >
                            Revoke
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke ${revoking ? name(revoking) : 'token'}?`}
        confirmLabel="Revoke token"
        pending={revoke.isPending}
        error={revoke.error ? <Alert tone="error">{messageOf(revoke.error)}</Alert> : null}
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.token_id, { onSuccess: () => setRevoking(null) })}
      >
        Scripts using this token stop working at once. This can’t be undone; create a new token if you need one.
      </ConfirmDialog>
    </>
  );
}
