// the dialogue on the resident map: the comments of the pins whose details are open, kept live, and planners' answers.
import type { StateCreator } from 'zustand/vanilla';
import type { PinComment } from '../core/dialogue/comments.ts';
import { threadComments } from '../core/dialogue/threadComments.ts';
import type { ResponseStatus } from '../core/dialogue/responseStatus.ts';
import { commentedPins } from '../persistence/commentedPins.ts';
import type { DialogueClient } from '../persistence/dialogueClient.ts';
import { ApiRequestError } from '../persistence/apiErrors.ts';
import type { AppState } from './appState.ts';
import type { ResolvedDeps } from './storeDeps.ts';

export type DialogueResult = { ok: true } | { ok: false; code: string; message: string };

export interface DialogueState {
  /** whether comments and answers exist here (server mode) */
  dialogueAvailable: boolean;
  /** the comments of pins whose comments were asked for, as threads; absent: not loaded */
  commentsByPin: ReadonlyMap<string, readonly PinComment[]>;
  /** the pins this device commented on (remembered on the device), which it hears back about like its own */
  commentedIds: ReadonlySet<string>;
  commentsRequested(pinId: string): Promise<DialogueResult>;
  commentPosted(pinId: string, text: string, parentId: string | null): Promise<DialogueResult>;
  /** this device's own comment, within the edit window */
  commentEdited(pinId: string, commentId: string, text: string): Promise<DialogueResult>;
  commentDeleted(pinId: string, commentId: string): Promise<DialogueResult>;
  commentReported(pinId: string, commentId: string): Promise<DialogueResult>;
  /** planners: hide a comment for everyone, with a reason */
  commentHidden(pinId: string, commentId: string, reason: string): Promise<DialogueResult>;
  /** planners: the same answer to many pins at once */
  pinsAnswered(ids: readonly string[], status: ResponseStatus, text: string): Promise<DialogueResult>;
  /** new comments by others on some pins since a time (null: no server or it failed) */
  commentCountsSince(since: string, pinIds: readonly string[]): Promise<Record<string, number> | null>;
  remoteCommentChanged(comment: PinComment): void;
  remoteCommentRemoved(id: string, pinId: string): void;
}

const failed = (error: unknown): DialogueResult =>
  error instanceof ApiRequestError ? { ok: false, code: error.code, message: error.message } : { ok: false, code: 'network', message: error instanceof Error ? error.message : String(error) };

export function createDialogueSlice(deps: ResolvedDeps): StateCreator<AppState, [], [], DialogueState> {
  // the dialogue's client is a chunk of its own, loaded when comments or answers are first asked for (not with the
  // resident's first load; the service worker has it offline); a failed load is tried again next time
  const api = deps.sync?.api;
  let loading: Promise<DialogueClient> | null = null;
  const dialogue = api
    ? () =>
        (loading ??= import('../persistence/dialogueClient.ts')
          .then((m) => m.createDialogueClient(api, deps.deviceToken))
          .catch((error: unknown) => {
            loading = null;
            throw error;
          }))
    : null;
  const commented = deps.sync ? commentedPins(deps.sync.api.consultationBase, deps.storage) : null;
  const noServer: DialogueResult = { ok: false, code: 'no-server', message: 'Comments and answers need the Coplan server.' };
  return (set, get) => {
    /** puts (or replaces) one comment in its pin's loaded thread; a pin whose comments are not loaded is left alone */
    const withComment = (comment: PinComment) => {
      const current = get().commentsByPin.get(comment.pinId);
      if (!current) return;
      const others = current.filter((c) => c.id !== comment.id);
      // the copy we already have knows whether it is ours; a live event (sent to everyone) cannot
      const known = current.find((c) => c.id === comment.id);
      const next = new Map(get().commentsByPin);
      next.set(comment.pinId, threadComments([...others, known?.mine ? { ...comment, mine: true } : comment]));
      set({ commentsByPin: next });
    };
    const withoutComment = (id: string, pinId: string) => {
      const current = get().commentsByPin.get(pinId);
      if (!current) return;
      const next = new Map(get().commentsByPin);
      // replies vanish with their comment
      next.set(pinId, current.filter((c) => c.id !== id && c.parentId !== id));
      set({ commentsByPin: next });
    };
    return {
      dialogueAvailable: dialogue !== null,
      commentsByPin: new Map(),
      commentedIds: commented?.read() ?? new Set(),
      async commentsRequested(pinId) {
        if (!dialogue) return noServer;
        try {
          const client = await dialogue();
          const comments = await client.listComments(pinId);
          set({ commentsByPin: new Map(get().commentsByPin).set(pinId, comments) });
          // a comment this device made before it remembered them (or in another tab) counts too
          if (commented && comments.some((c) => c.mine)) set({ commentedIds: commented.add([pinId]) });
          return { ok: true };
        } catch (error) {
          return failed(error);
        }
      },
      async commentPosted(pinId, text, parentId) {
        if (!dialogue) return noServer;
        try {
          const client = await dialogue();
          withComment(await client.addComment(pinId, text, parentId));
          if (commented) set({ commentedIds: commented.add([pinId]) });
          return { ok: true };
        } catch (error) {
          return failed(error);
        }
      },
      async commentEdited(pinId, commentId, text) {
        if (!dialogue) return noServer;
        try {
          const client = await dialogue();
          withComment(await client.editComment(pinId, commentId, text));
          return { ok: true };
        } catch (error) {
          return failed(error);
        }
      },
      async commentDeleted(pinId, commentId) {
        if (!dialogue) return noServer;
        try {
          const client = await dialogue();
          await client.deleteComment(pinId, commentId);
          withoutComment(commentId, pinId);
          return { ok: true };
        } catch (error) {
          return failed(error);
        }
      },
      async commentReported(pinId, commentId) {
        if (!dialogue) return noServer;
        try {
          const client = await dialogue();
          await client.reportComment(pinId, commentId);
          return { ok: true };
        } catch (error) {
          return failed(error);
        }
      },
      async commentHidden(pinId, commentId, reason) {
        if (!dialogue) return noServer;
        try {
          const client = await dialogue();
          await client.moderateComment(pinId, commentId, 'hide', reason);
          withoutComment(commentId, pinId);
          return { ok: true };
        } catch (error) {
          return failed(error);
        }
      },
      async pinsAnswered(ids, status, text) {
        if (!dialogue) return noServer;
        try {
          const client = await dialogue();
          for (const remote of await client.answerPins(ids, status, text)) get().remotePinChanged(remote.pin);
          return { ok: true };
        } catch (error) {
          return failed(error);
        }
      },
      async commentCountsSince(since, pinIds) {
        if (!dialogue) return null;
        if (!pinIds.length) return {};
        try {
          const client = await dialogue();
          return await client.commentCountsSince(since, pinIds.slice(0, 200));
        } catch {
          // the answers still show without the counts
          return null;
        }
      },
      remoteCommentChanged: withComment,
      remoteCommentRemoved: withoutComment,
    };
  };
}
