// the planner's question "which pins are near here?" over the consultation's API (GET …/pins/near), so the budget
// section finds the assets near a project without downloading the consultation's pins.
import { nearAnswerFromJson, nearQueryToSearch } from '../core/pins/nearPinsWire.ts';
import type { NearAnswer, NearQuery } from '../core/pins/nearPinsWire.ts';
import type { HttpRepository } from './httpRepository.ts';

export type PinsNear = (query: NearQuery) => Promise<NearAnswer>;

/**
 * Asks the server; the same question (place, radius, kind, limit) is asked once per client and its answer kept, so a
 * table of projects re-rendering does not ask again. A failed question is asked again next time.
 * @example
 * const near = createPinsNearClient(api);
 * (await near({ position: [-2.1, 53.4], radius: 300, kind: 'asset', limit: 5 })).pins[0]?.metres // => 12
 */
export function createPinsNearClient(api: Pick<HttpRepository, 'consultationBase' | 'send'>): PinsNear {
  const asked = new Map<string, Promise<NearAnswer>>();
  return (query) => {
    const search = nearQueryToSearch(query);
    let answer = asked.get(search);
    if (!answer) {
      answer = api.send('GET', `${api.consultationBase}/pins/near?${search}`).then(({ json }) => {
        const read = nearAnswerFromJson(json);
        if (!read.ok) throw new Error(read.message);
        return read.answer;
      });
      asked.set(search, answer);
      answer.catch(() => asked.delete(search));
    }
    return answer;
  };
}
