import type { CampaignStatus } from '@/lib/enums';
import { cx } from './cx';

const styles: Record<CampaignStatus, string> = {
  running: 'bg-success-soft text-success border-success/40',
  stopped: 'bg-surface-2 text-muted border-border',
  completed: 'bg-accent-soft text-accent-soft-fg border-accent/30',
  ended: 'bg-warning-soft text-warning border-warning/40',
};
const labels: Record<CampaignStatus, string> = { running: 'Running', stopped: 'Stopped', completed: 'Completed', ended: 'Ended' };

export function StatusBadge({ status }: { status: CampaignStatus }) {
  return (
    <span className={cx('inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium', styles[status])}>
      {status === 'running' && <span aria-hidden className="h-1.5 w-1.5 animate-pulse rounded-full bg-success" />}
      {labels[status]}
    </span>
  );
}
