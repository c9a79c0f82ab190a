import { createSchedule, listSchedules } from '@/lib/schedules';
import { scheduleInput } from '@/lib/schemas/schedule';
import { json, success } from '@/lib/wire/reply';
import { apiRoute } from '@/lib/wire/route';
import { scheduleView } from '@/lib/wire/views';

// Create Schedule
export const POST = apiRoute(({ db, accountId, input }) => {
  const s = createSchedule(db, accountId, scheduleInput.parse(input));
  return success({ id: s.id, nickname: s.nickname });
});

// Get Schedules: a bare array, as the reference shows.
export const GET = apiRoute(({ db, accountId }) => json(listSchedules(db, accountId).map(scheduleView)));
