import { deleteSchedule, getSchedule, updateSchedule } from '@/lib/schedules';
import { scheduleUpdate } from '@/lib/schemas/schedule';
import { json, success } from '@/lib/wire/reply';
import { apiRoute, pathId } from '@/lib/wire/route';
import { scheduleView } from '@/lib/wire/views';

type Params = { id: string };

const idOf = (params: Params) => pathId('Schedule', params.id);

export const GET = apiRoute<Params>(({ db, accountId, params }) => json(scheduleView(getSchedule(db, accountId, idOf(params)))));

// Update Schedule (PATCH and PUT behave the same: only what is given changes). The reference
// returns `days` as a JSON-encoded string here.
const update = apiRoute<Params>(({ db, accountId, params, input }) => {
  const s = updateSchedule(db, accountId, idOf(params), scheduleUpdate.parse(input));
  return success({ id: s.id, days: JSON.stringify(scheduleView(s).days), nickname: s.nickname });
});
export const PATCH = update;
export const PUT = update;

// Delete Schedule
export const DELETE = apiRoute<Params>(({ db, accountId, params }) => {
  deleteSchedule(db, accountId, idOf(params));
  return success();
});
