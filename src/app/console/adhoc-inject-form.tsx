import { useState } from 'react';
import { AdhocEffectFields, adhocEffects, noEffect } from './adhoc-effect-fields';
import { TeamRecordDialog } from './team-record-dialog';
import type { TeamRecordFormProps } from './team-record-dialog';

const kinds = ['message', 'alert', 'call', 'status', 'surprise'] as const;

/**
 * A message the facilitator types during the drill, sent now (so no stamp): to everyone, or
 * to the roles ticked ("your phone died" for one person), with an optional effect (that role
 * unavailable for 10 minutes). Audiences are not offered: nobody plays them, so nobody reads.
 */
export function AdhocInjectForm({
  scenario,
  act,
  onClose,
}: Pick<TeamRecordFormProps, 'scenario' | 'act' | 'onClose'>) {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [kind, setKind] = useState<(typeof kinds)[number]>('message');
  const [to, setTo] = useState<string[]>([]);
  const [effect, setEffect] = useState(noEffect);
  const players = scenario.roles.filter((role) => !role.audience);
  const effects = adhocEffects(effect);
  const names = players.filter((role) => to.includes(role.id)).map((role) => role.name);
  return (
    <TeamRecordDialog
      title="Ad-hoc inject"
      submitLabel={to.length === 0 ? 'Send to everyone' : `Send to ${names.join(', ')}`}
      action={() => ({
        adhoc_inject: {
          kind,
          title: title.trim() || 'Message from the facilitator',
          body,
          ...(to.length === 0 ? {} : { to }),
          ...(effects.length === 0 ? {} : { effects }),
        },
      })}
      act={act}
      onClose={onClose}
    >
      <div className="row">
        <label>
          Title
          <input value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} />
        </label>
        <label>
          Kind
          <select
            value={kind}
            onChange={(event) =>
              setKind(kinds.find((candidate) => candidate === event.target.value) ?? 'message')
            }
          >
            {kinds.map((candidate) => (
              <option key={candidate}>{candidate}</option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Message
        <textarea value={body} onChange={(event) => setBody(event.target.value)} rows={3} />
      </label>
      <fieldset>
        <legend>To (none ticked: everyone)</legend>
        {players.map((role) => (
          <label key={role.id} className="check">
            <input
              type="checkbox"
              checked={to.includes(role.id)}
              onChange={(event) =>
                setTo(
                  event.target.checked
                    ? [...to, role.id]
                    : to.filter((chosen) => chosen !== role.id),
                )
              }
            />
            {role.name}
          </label>
        ))}
      </fieldset>
      <AdhocEffectFields scenario={scenario} choice={effect} onChange={setEffect} />
    </TeamRecordDialog>
  );
}
