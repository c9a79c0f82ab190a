import { SchedulesView } from '@/components/schedules/schedules-view';

export const metadata = { title: 'Schedules' };

export default function SchedulesPage() {
  return <SchedulesView />;
}
