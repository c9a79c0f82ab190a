import { replayDelivery } from '@/lib/results/replay';
import { success } from '@/lib/wire/reply';
import { apiRoute, pathId } from '@/lib/wire/route';

type Params = { id: string };

// A dead delivery gets a fresh set of attempts, due now.
export const POST = apiRoute<Params>(({ db, accountId, params }) => {
  const id = pathId('Delivery', params.id);
  replayDelivery(db, accountId, id, new Date());
  return success({ delivery_id: id, status: 'pending' });
});
