import type { Scenario } from '../../scenario/types';
import { channelsOf } from '../../scenario/scales';

/** The effect an ad-hoc inject may carry, as the form holds it. */
export interface AdhocEffectChoice {
  readonly type: 'none' | 'unavailable' | 'channel_down' | 'severity';
  /** The role, channel or severity picked ('' until picked). */
  readonly target: string;
  /** How long it lasts, in minutes; blank: to the end of the drill. */
  readonly minutes: string;
}

export const noEffect: AdhocEffectChoice = { type: 'none', target: '', minutes: '' };

const labels: Record<AdhocEffectChoice['type'], string> = {
  none: 'None',
  unavailable: 'A role is unavailable',
  channel_down: 'A channel is down',
  severity: 'The severity changes',
};

/**
 * The choice as the action's `effects` (the format's syntax), or none. Experiments are left
 * out on purpose: they have their own controls, held to the arming rule.
 */
export function adhocEffects(choice: AdhocEffectChoice): Record<string, string>[] {
  if (choice.type === 'none' || choice.target === '') return [];
  if (choice.type === 'severity') return [{ severity: choice.target }];
  const minutes = Number(choice.minutes);
  const lasting = choice.minutes.trim() !== '' && minutes > 0 ? { for: `${minutes}m` } : {};
  return [{ [choice.type]: choice.target, ...lasting }];
}

/** What the facilitator may pick for each kind of effect: playable roles, channels, levels. */
function targetsOf(scenario: Scenario, type: AdhocEffectChoice['type']) {
  if (type === 'unavailable')
    return scenario.roles
      .filter((role) => !role.audience)
      .map((role) => ({ value: role.id, label: role.name }));
  if (type === 'channel_down')
    return [
      ...channelsOf(scenario).map((channel) => ({ value: channel, label: channel })),
      { value: 'all', label: 'every channel' },
    ];
  if (type === 'severity')
    return scenario.severities.map((severity) => ({ value: severity, label: severity }));
  return [];
}

/** The ad-hoc inject's optional effect: what, on what, for how long. */
export function AdhocEffectFields({
  scenario,
  choice,
  onChange,
}: {
  scenario: Scenario;
  choice: AdhocEffectChoice;
  onChange: (choice: AdhocEffectChoice) => void;
}) {
  const targets = targetsOf(scenario, choice.type);
  const pickType = (value: string) => {
    const type = (Object.keys(labels) as AdhocEffectChoice['type'][]).find(
      (candidate) => candidate === value,
    );
    const first = targetsOf(scenario, type ?? 'none')[0]?.value ?? '';
    onChange({ ...noEffect, type: type ?? 'none', target: first });
  };
  return (
    <fieldset>
      <legend>Effect (optional)</legend>
      <div className="row">
        <label>
          Effect
          <select value={choice.type} onChange={(event) => pickType(event.target.value)}>
            {Object.entries(labels).map(([type, label]) => (
              <option key={type} value={type}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {choice.type === 'none' ? null : (
          <label>
            {choice.type === 'unavailable'
              ? 'Role'
              : choice.type === 'channel_down'
                ? 'Channel'
                : 'Severity'}
            <select
              value={choice.target}
              onChange={(event) => onChange({ ...choice, target: event.target.value })}
            >
              {targets.map((target) => (
                <option key={target.value} value={target.value}>
                  {target.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {choice.type === 'unavailable' || choice.type === 'channel_down' ? (
          <label>
            For (minutes; blank: to the end)
            <input
              type="number"
              min={1}
              value={choice.minutes}
              onChange={(event) => onChange({ ...choice, minutes: event.target.value })}
            />
          </label>
        ) : null}
      </div>
    </fieldset>
  );
}
