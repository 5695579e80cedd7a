/**
 * A registration store whose deletions also forget the client's challenge progress. RFC 7592
 * §2.3 deletes a client for good: its tokens stop working (the API looks the client up), and its
 * passes, each with the request the server saw, should not outlive it in a room's challenge
 * board for the progress store's seven days.
 */
import type { RegistrationStore } from '../oauth/registration-store';
import type { ChallengeStore } from './challenge-store';

export function forgettingProgressOnDelete(
  store: RegistrationStore,
  progress: () => Promise<ChallengeStore>,
  onError: (error: unknown) => void = (e) =>
    console.error(`FlowLab: a deleted client's challenge progress stays: ${String(e)}`),
): RegistrationStore {
  return {
    create: (registration, cap) => store.create(registration, cap),
    get: (clientId) => store.get(clientId),
    update: (clientId, patch) => store.update(clientId, patch),
    async delete(clientId) {
      const live = await store.delete(clientId);
      // the deletion stands either way: progress the store cannot forget now lapses by itself
      if (live)
        await progress()
          .then((p) => p.forget(clientId))
          .catch(onError);
      return live;
    },
  };
}
