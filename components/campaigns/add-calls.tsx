'use client';
import { useState } from 'react';
import { ApiError, messageOf } from '@/lib/client/api';
import { useAddCalls } from '@/lib/client/campaigns';
import { count } from '@/lib/client/format';
import { Button } from '../ui/button';
import { Alert } from '../ui/feedback';
import { PhoneListInput, usePhoneList } from './phone-list-input';

/** Appends numbers to a campaign's queue (also while it runs). */
export function AddCalls({ campaignId }: { campaignId: number }) {
  const list = usePhoneList('paste');
  const add = useAddCalls(campaignId);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [phoneErrors, setPhoneErrors] = useState<string[]>([]);
  const [formKey, setFormKey] = useState(0);

  const submit = async () => {
    setResult(null);
    setFailure(null);
    setPhoneErrors([]);
    const problem = list.problem();
    if (problem) {
      setFailure(problem);
      return;
    }
    const file = list.upload();
    try {
      if (file) setProgress(0);
      const r = await add.mutateAsync({ file, onProgress: setProgress });
      setResult(
        `${count(r.added)} ${r.added === 1 ? 'number was' : 'numbers were'} added to the queue${
          r.duplicates ? `; ${count(r.duplicates)} already in this campaign ${r.duplicates === 1 ? 'was' : 'were'} skipped` : ''
        }.`,
      );
      list.setText('');
      list.setFile(null);
      setFormKey((k) => k + 1);
    } catch (e) {
      if (e instanceof ApiError && e.fields?.phone_numbers) setPhoneErrors(e.fields.phone_numbers);
      else setFailure(messageOf(e));
    } finally {
      setProgress(null);
    }
  };

  return (
    <div className="flex flex-col gap-3" key={formKey}>
      {result && <Alert tone="success">{result}</Alert>}
      {failure && <Alert tone="error">{failure}</Alert>}
      <PhoneListInput list={list} serverErrors={phoneErrors} progress={progress} legend="How will you add the numbers?" />
      <div>
        <Button onClick={submit} disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add to queue'}
        </Button>
      </div>
    </div>
  );
}
