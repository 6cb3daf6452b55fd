import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createBallotOutbox } from '../../../src/persistence/budget/ballotOutbox.ts';
import { ApiRequestError, NetworkError } from '../../../src/persistence/httpRepository.ts';

const ballot = (projects: string[], queuedAt = new Date().toISOString()) => ({ slug: 'plan', projects, queuedAt });

describe('the ballot outbox', () => {
  it('keeps a ballot while offline and sends it once when the network is back, even with two flushes at once', async () => {
    const outbox = createBallotOutbox({ factory: new IDBFactory() });
    await outbox.put(ballot(['a']));
    const offline = () => Promise.reject(new NetworkError('offline'));
    expect(await outbox.flush('plan', offline)).toEqual({ status: 'waiting' });
    expect((await outbox.pending('plan'))?.projects).toEqual(['a']);
    const sent: string[][] = [];
    const send = async (projects: string[]) => void sent.push(projects);
    const both = await Promise.all([outbox.flush('plan', send), outbox.flush('plan', send)]);
    expect(both).toEqual([{ status: 'sent' }, null]);
    expect(sent).toEqual([['a']]);
    expect(await outbox.pending('plan')).toBeNull();
  });

  it('keeps only the newest ballot of a consultation, and drops one the server refused for good', async () => {
    const outbox = createBallotOutbox({ factory: new IDBFactory() });
    await outbox.put(ballot(['a'], '2030-01-01T00:00:00.000Z'));
    await outbox.put(ballot(['b'], '2030-01-01T00:00:01.000Z'));
    expect((await outbox.pending('plan'))?.projects).toEqual(['b']);
    const refused = await outbox.flush('plan', () => Promise.reject(new ApiRequestError(409, 'voting-closed', 'Voting on this budget has closed.')));
    expect(refused).toEqual({ status: 'refused', code: 'voting-closed', message: 'Voting on this budget has closed.' });
    expect(await outbox.pending('plan')).toBeNull();
  });

  it('keeps a ballot put while an older one was being sent', async () => {
    const outbox = createBallotOutbox({ factory: new IDBFactory() });
    await outbox.put(ballot(['a'], '2030-01-01T00:00:00.000Z'));
    await outbox.flush('plan', () => outbox.put(ballot(['c'], '2030-01-01T00:00:05.000Z')));
    expect((await outbox.pending('plan'))?.projects).toEqual(['c']);
  });
});
