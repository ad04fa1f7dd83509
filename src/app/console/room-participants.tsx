import { useEffect, useRef, useState } from 'react';
import type { DrillSnapshot, Participant } from '../../protocol/drill-snapshot';
import { Dialog } from '../components/dialog';

interface Release {
  readonly participant: Participant;
  readonly roleId: string;
  readonly roleName: string;
}

/**
 * Who joined: each name with their roles by name, whether a phone of theirs is connected now
 * (a dot and words), and a Release button per role for a lost phone, confirmed first.
 */
export function RoomParticipants({
  snapshot,
  over,
  act,
}: {
  snapshot: DrillSnapshot;
  over: boolean;
  act: (action: Record<string, unknown>) => void;
}) {
  const [release, setRelease] = useState<Release | null>(null);
  const trigger = useRef<HTMLButtonElement | null>(null);
  const roleName = (id: string) =>
    snapshot.scenario.roles.find((role) => role.id === id)?.name ?? id;
  const close = () => {
    setRelease(null);
    // Back to the button that opened the dialog (or the list, if that role is gone now).
    trigger.current?.focus();
  };
  return (
    <>
      <h3>Participants</h3>
      {snapshot.participants.length === 0 ? <p className="muted">Nobody has joined yet.</p> : null}
      <ul className="room-participants">
        {snapshot.participants.map((participant, index) => (
          <li key={`${index}:${participant.name}`}>
            <span className="participant-name">{participant.name}</span>{' '}
            <span className={participant.connected ? 'presence connected' : 'presence'}>
              <span className="presence-dot" aria-hidden="true" />
              {participant.connected ? 'connected' : 'not connected'}
            </span>
            {participant.roles.length === 0 ? (
              <p className="muted">No role any more (released).</p>
            ) : (
              <ul className="participant-roles">
                {participant.roles.map((id) => (
                  <li key={id}>
                    {roleName(id)}{' '}
                    {over ? null : (
                      <button
                        type="button"
                        className="small"
                        aria-label={`Release ${roleName(id)} from ${participant.name}`}
                        onClick={(event) => {
                          trigger.current = event.currentTarget;
                          setRelease({ participant, roleId: id, roleName: roleName(id) });
                        }}
                      >
                        Release
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {release ? (
        <ConfirmRelease
          release={release}
          onClose={close}
          onConfirm={() => {
            act({ release_role: { role: release.roleId } });
            close();
          }}
        />
      ) : null}
    </>
  );
}

function ConfirmRelease({
  release,
  onClose,
  onConfirm,
}: {
  release: Release;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const body = useRef<HTMLParagraphElement | null>(null);
  useEffect(() => {
    // Cancel first: Enter on an opened dialog must not release a role by accident.
    body.current
      ?.closest('form')
      ?.querySelector<HTMLButtonElement>('button[type="button"]')
      ?.focus();
  }, []);
  const { participant, roleName } = release;
  return (
    <Dialog
      title={`Release ${roleName}?`}
      submitLabel={`Release ${roleName}`}
      onSubmit={onConfirm}
      onClose={onClose}
    >
      <p ref={body}>
        {participant.name} ({participant.connected ? 'connected now' : 'not connected'}) will no
        longer act as {roleName}. The role shows as free on the join page, so a new phone can take
        it; {participant.name} keeps their other roles, if any.
      </p>
    </Dialog>
  );
}
