import { createProfile, listProfiles } from '@/lib/profiles';
import { profileInput } from '@/lib/schemas/profile';
import { json, success } from '@/lib/wire/reply';
import { apiRoute } from '@/lib/wire/route';
import { profileView } from '@/lib/wire/views';

// Create Profile
export const POST = apiRoute(({ db, accountId, input }) => {
  const p = createProfile(db, accountId, profileInput.parse(input));
  return success({ id: p.id, nickname: p.nickname });
});

// Get Profiles: a bare array; the pacing numbers are additive fields.
export const GET = apiRoute(({ db, accountId }) => json(listProfiles(db, accountId).map(profileView)));
