/** The store's phases (format v2): the facilitator's screen gets each phase's questions, others not. */
import { describe, expect, it } from 'vitest';
import { createDrillStore } from '../../src/app/drill/drill-store';
import type { DrillSnapshot, VisibleEntry } from '../../src/protocol/drill-snapshot';
import { scenarioFrom } from '../support/drill-harness';

const scenario = scenarioFrom(`
id: phased
title: Phased
duration: 1h
roles: [{ id: oncall, name: On-call }]
phases:
  - { id: night, at: 0s, title: Night, questions: [Who is on call?] }
`);
const entries: VisibleEntry[] = [
  { seq: 2, drillMs: 0, wallMs: 1_000, type: 'drill.started', payload: {} },
  {
    seq: 3,
    drillMs: 0,
    wallMs: 1_000,
    type: 'phase.started',
    payload: { phase: 'night', title: 'Night', storyTimeMs: null },
  },
];
const snapshotFor = (facilitator: boolean): DrillSnapshot => ({
  drill: { id: 'd1', team: '', status: 'running', speed: 1, joinCode: null, joinUrl: null },
  audience: facilitator ? 'facilitator' : 'projector',
  scenario: {
    id: 'phased',
    title: 'Phased',
    summary: '',
    mode: 'tabletop',
    severities: scenario.severities,
    channels: null,
    durationMs: scenario.durationMs,
    roles: [{ id: 'oncall', name: 'On-call', npc: false, audience: false, template: null }],
    escalationPaths: [],
    templates: scenario.templates,
    checklists: [],
    story: null,
  },
  fullScenario: facilitator ? scenario : null,
  entries,
  seq: 3,
  serverWallMs: 1_000,
  participants: [],
  you: null,
});

describe('when a screen folds a phase that began', () => {
  it.each([
    ['the facilitator', true, [['Night', ['Who is on call?']]]],
    ['the projector', false, []],
  ])(
    'shows %s the current phase, with its questions only for the facilitator',
    (_who, facilitator, prompts) => {
      const store = createDrillStore();
      store.getState().receiveSnapshot(snapshotFor(facilitator), 1_000);
      const view = store.getState().view;
      expect(view?.currentPhase).toMatchObject({ id: 'night', title: 'Night', startedAtMs: 0 });
      expect(view?.prompts.map(({ title, questions }) => [title, questions])).toEqual(prompts);
    },
  );
});
