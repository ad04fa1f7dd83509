/**
 * A synthetic 8-hour drill for the benchmark: 2,000 injects of every timing kind and a
 * 10,000-action response script, built from a fixed seed so every run measures the same work.
 */
import { stringify } from 'yaml';

export interface LargeDrill {
  readonly scenarioYaml: string;
  readonly scriptYaml: string;
}

/** The scenario and the script as plain values (the script's `at` in seconds). */
export interface LargeDrillValues {
  readonly scenario: Record<string, unknown>;
  readonly actions: readonly Record<string, unknown>[];
}

export function generateLargeDrill(injectCount = 2_000, actionCount = 10_000): LargeDrill {
  const { scenario, actions } = generateLargeDrillValues(injectCount, actionCount);
  return { scenarioYaml: stringify(scenario), scriptYaml: stringify({ seed: 7, actions }) };
}

export function generateLargeDrillValues(
  injectCount = 2_000,
  actionCount = 10_000,
): LargeDrillValues {
  const hours = 8;
  const durationS = hours * 3600;
  let state = 12345;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  const roles = Array.from({ length: 24 }, (_, index) => ({
    id: `role-${index}`,
    name: `Role ${index}`,
    ...(index % 6 === 5 ? { npc: { ack_after: '2m' } } : {}),
    ...(index === 0 ? { authority: ['approve'] } : {}),
  }));
  const roleIds = roles.map((role) => role.id);
  const paths = Array.from({ length: 4 }, (_, path) => ({
    id: `path-${path}`,
    auto_advance: path % 2 === 0,
    levels: roleIds.slice(path * 6, path * 6 + 6).map((role) => ({ role, ack_within: '5m' })),
  }));
  const injects = Array.from({ length: injectCount }, (_, index) => {
    const atS = Math.floor((index / injectCount) * (durationS - 600));
    const base = {
      id: `inject-${index}`,
      kind: pick(['alert', 'message', 'call', 'status', 'surprise'] as const),
      title: `Inject ${index}`,
      body: 'Synthetic load.',
    };
    const timing =
      index % 10 === 3 && index > 0
        ? { when: { after: `inject-${index - 1}`, delay: '30s' } }
        : index % 10 === 7
          ? { at: { between: [atS, atS + 300] } }
          : { at: atS };
    const effects =
      index % 50 === 11
        ? { effects: [{ unavailable: pick(roleIds), for: '10m' }] }
        : index % 50 === 23
          ? { effects: [{ channel_down: 'chat', for: '5m' }] }
          : {};
    return { ...base, ...timing, ...(index % 10 === 9 ? { chance: 0.5 } : {}), ...effects };
  });
  const expectations = Array.from({ length: Math.min(200, injectCount / 10) }, (_, index) => ({
    id: `expect-${index}`,
    title: `Expectation ${index}`,
    trigger: { inject: `inject-${index * 10}` },
    escalate_to: roleIds[(index * 7) % roleIds.length],
    ...(index % 3 === 0 ? { path: `path-${Math.floor(((index * 7) % roleIds.length) / 6)}` } : {}),
    target: '5m',
    deadline: '15m',
  }));
  const scenario = {
    id: 'bench-8h',
    title: 'Benchmark: an eight-hour drill',
    duration: `${hours}h`,
    roles,
    escalation_paths: paths,
    templates: { escalation: ['situation', 'impact', 'ask'], handoff: ['current_state', 'owner'] },
    injects,
    expectations,
    checklists: [{ id: 'triage', role: 'role-0', items: ['One', 'Two', 'Three'] }],
    decisions: [{ id: 'approve', needs: 'approve' }],
  };

  const actions = Array.from({ length: actionCount }, (_, index) => {
    const at = Math.floor(((index + 1) / (actionCount + 1)) * durationS * 1000) / 1000;
    const from = pick(roleIds);
    const to = pick(roleIds);
    switch (index % 5) {
      case 0:
      case 1:
        return {
          at,
          escalate: {
            from,
            to,
            channel: pick(['page', 'phone', 'chat']),
            message: { situation: 'x', impact: 'y' },
          },
        };
      case 2:
        return { at, handoff: { from, to, message: { current_state: 'ok', owner: to } } };
      case 3:
        return { at, note: { by: 'facilitator', text: `Note ${index}` } };
      default:
        return { at, declare: { severity: pick(['SEV1', 'SEV2', 'SEV3']), by: from } };
    }
  });
  return { scenario, actions };
}
