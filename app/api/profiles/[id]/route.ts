import { deleteProfile, getProfile, updateProfile } from '@/lib/profiles';
import { profileUpdate } from '@/lib/schemas/profile';
import { json, success } from '@/lib/wire/reply';
import { apiRoute, pathId } from '@/lib/wire/route';
import { profileView } from '@/lib/wire/views';

type Params = { id: string };

const idOf = (params: Params) => pathId('Profile', params.id);

export const GET = apiRoute<Params>(({ db, accountId, params }) => json(profileView(getProfile(db, accountId, idOf(params)))));

// Update Profile (PATCH and PUT behave the same).
const update = apiRoute<Params>(({ db, accountId, params, input }) => {
  const p = updateProfile(db, accountId, idOf(params), profileUpdate.parse(input));
  return success({ id: p.id, nickname: p.nickname });
});
export const PATCH = update;
export const PUT = update;

// Delete Profile
export const DELETE = apiRoute<Params>(({ db, accountId, params }) => {
  deleteProfile(db, accountId, idOf(params));
  return success();
});
