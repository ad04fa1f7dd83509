import type { JoinOptionsReply } from '../../protocol/http-bodies';
import { joinOptionsReply } from '../../protocol/http-bodies';
import { apiRequest } from '../api/api-client';
import { useAsync } from '../components/use-async';
import { joinFailureInWords } from './plain-words';

/**
 * The roles a join code offers, by name, for a tap instead of a typed id: free ones to pick,
 * taken and simulated ones shown but not pickable (audiences are never listed: api.md v2).
 */
export function RolePicker({
  code,
  role,
  onPick,
}: {
  code: string;
  role: string;
  onPick: (role: string) => void;
}) {
  const options = useAsync(
    (): Promise<JoinOptionsReply | null> =>
      code.length === 6
        ? apiRequest(`/api/join/${code}`, joinOptionsReply, { token: null }).catch(
            (caught: unknown) => {
              throw new Error(joinFailureInWords(caught));
            },
          )
        : Promise.resolve(null),
    code,
  );
  if (code.length !== 6) return <p className="muted">Enter the six-digit code to see the roles.</p>;
  if (options.status === 'loading') return <p className="muted">Looking up the drill…</p>;
  if (options.status === 'failed')
    return (
      <p className="error" role="alert">
        {options.error}
      </p>
    );
  if (!options.value) return null;
  return (
    <fieldset className="role-picker">
      <legend>
        Your role in <strong>{options.value.scenario.title}</strong>
      </legend>
      {options.value.roles.map((option) => {
        const unavailable = option.taken || option.simulated;
        return (
          <label key={option.id} className={unavailable ? 'unavailable' : undefined}>
            <input
              type="radio"
              name="role"
              value={option.id}
              checked={role === option.id}
              disabled={unavailable}
              onChange={() => onPick(option.id)}
              required
            />
            <span>
              {option.name}
              {option.taken ? <span className="muted"> — taken</span> : null}
              {option.simulated ? <span className="muted"> — played by the simulator</span> : null}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
