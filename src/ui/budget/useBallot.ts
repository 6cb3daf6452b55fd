// the ballot page's state: the budget as the server shows it, the projects chosen, and sending them through the outbox.
import { useCallback, useEffect, useState } from 'react';
import type { BudgetView } from '../../core/budget/budgetWire.ts';
import type { AreaCollection, Theme } from '../../core/types.ts';
import type { BallotOutbox } from '../../persistence/budget/ballotOutbox.ts';
import type { BudgetApi } from '../../persistence/budget/budgetApi.ts';

export type SendStatus = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'waiting' } | { kind: 'refused'; code: string; message: string; details?: unknown };

export type BallotLoad =
  | { kind: 'loading' }
  | { kind: 'failed'; status: number | null; message: string }
  | { kind: 'ready'; view: BudgetView; areas: AreaCollection; themes: Theme[] };

/**
 * Loads the budget, keeps the choice, and sends a ballot once: it is put in the outbox first, so a ballot cast
 * offline waits there and goes when the browser is back online (or the page is opened again).
 * @example
 * const { load, chosen, toggle, submit, status } = useBallot(slug, api, outbox);
 */
export function useBallot(slug: string, api: BudgetApi, outbox: BallotOutbox, codeMode = false) {
  const [load, setLoad] = useState<BallotLoad>({ kind: 'loading' });
  const [chosen, setChosen] = useState<string[]>([]);
  const [status, setStatus] = useState<SendStatus>({ kind: 'idle' });

  const flush = useCallback(async () => {
    const result = await outbox.flush(slug, (projects) => api.castBallot(projects));
    if (!result) return;
    if (result.status === 'sent') {
      setStatus({ kind: 'sent' });
      // the server's own record of the ballot, with its time
      api.getBudget().then((view) => setLoad((l) => (l.kind === 'ready' ? { ...l, view } : l)), () => undefined);
    } else if (result.status === 'waiting') setStatus({ kind: 'waiting' });
    else setStatus({ kind: 'refused', code: result.code, message: result.message, details: result.details });
  }, [api, outbox, slug]);

  useEffect(
    function loadBudget() {
      let live = true;
      Promise.all([api.getBudget(), api.getCatalog(), outbox.pending(slug)]).then(
        ([view, catalog, pending]) => {
          if (!live) return;
          setLoad({ kind: 'ready', view, ...catalog });
          // at a shared desk the device's own ballot is nobody's business
          if (codeMode) return;
          setChosen(pending?.projects ?? view.ballot?.projects ?? []);
          if (pending) {
            setStatus({ kind: 'waiting' });
            void flush();
          }
        },
        (error: unknown) => {
          const e = error as { status?: number; message?: string };
          if (live) setLoad({ kind: 'failed', status: e.status ?? null, message: e.message ?? String(error) });
        },
      );
      return function stopLoading() {
        live = false;
      };
    },
    [api, outbox, slug, flush, codeMode],
  );

  useEffect(
    function sendWhenOnline() {
      const online = () => void flush();
      window.addEventListener('online', online);
      return function stopListening() {
        window.removeEventListener('online', online);
      };
    },
    [flush],
  );

  const toggle = useCallback((id: string) => {
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
    setStatus((s) => (s.kind === 'sent' || s.kind === 'refused' ? { kind: 'idle' } : s));
  }, []);

  /** a voter code's ballot goes straight to the server: the person is at the desk, and the code works once */
  const submitWithCode = useCallback(async (code: string) => {
    setStatus({ kind: 'sending' });
    try {
      await api.castBallot(chosen, code);
      setStatus({ kind: 'sent' });
    } catch (error) {
      const e = error as { code?: string; details?: unknown };
      setStatus({ kind: 'refused', code: e.code ?? 'refused', message: error instanceof Error ? error.message : String(error), details: e.details });
    }
  }, [api, chosen]);

  const nextVoter = useCallback(() => {
    setChosen([]);
    setStatus({ kind: 'idle' });
  }, []);

  const submit = useCallback(async () => {
    setStatus({ kind: 'sending' });
    await outbox.put({ slug, projects: chosen, queuedAt: new Date().toISOString() });
    await flush();
  }, [chosen, flush, outbox, slug]);

  return { load, chosen, toggle, submit, submitWithCode, nextVoter, status };
}
