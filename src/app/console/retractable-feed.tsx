import { useState } from 'react';
import type { FeedItem } from '../../engine/projection/projection-views';
import { DrillFeed } from '../components/drill-feed';
import { RetractDialog } from './retract-dialog';
import { UndoToast } from './undo-toast';
import { useHeldAction } from './use-held-action';

/** What a held retraction acts on, so its row can be marked while Undo is still possible. */
const retractSubject = (seq: number) => `seq:${seq}`;

/**
 * The console's feed: Retract asks for a reason, then waits five seconds for Undo before it
 * is sent (use-held-action.ts says why a retraction is held rather than reversed).
 */
export function RetractableFeed({
  items,
  act,
}: {
  items: readonly FeedItem[];
  act: (action: Record<string, unknown>) => void;
}) {
  const [retracting, setRetracting] = useState<FeedItem | null>(null);
  const { held, hold, undo, sendNow } = useHeldAction(act);
  const heldSeq = items.find((item) => held?.subject === retractSubject(item.seq))?.seq ?? null;
  return (
    <>
      <UndoToast held={held} onUndo={undo} onSendNow={sendNow} />
      <DrillFeed
        items={items}
        onRetract={(seq) => setRetracting(items.find((item) => item.seq === seq) ?? null)}
        retracting={heldSeq === null ? null : { seq: heldSeq, onUndo: undo }}
      />
      {retracting ? (
        <RetractDialog
          entryTitle={retracting.title}
          onClose={() => setRetracting(null)}
          onRetract={(reason) => {
            hold(`Retracted “${retracting.title}”`, retractSubject(retracting.seq), {
              retract: { seq: retracting.seq, reason },
            });
            setRetracting(null);
          }}
        />
      ) : null}
    </>
  );
}
