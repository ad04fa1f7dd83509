// @vitest-environment happy-dom
/**
 * The console's phase panel (format v2): the scene, a phase's pause, questions; and the
 * header's story time (console-facts.tsx), which jumps as a phase sets it.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleFacts } from '../../src/app/console/console-facts';
import { PhasePanel } from '../../src/app/console/phase-panel';
import { projectLog } from '../../src/engine/projection/drill-projection';
import { DrillHarness } from '../support/drill-harness';

afterEach(cleanup);

const phased = `
id: phased
title: Phased
duration: 1h
story: { starts_at: "2017-01-31T23:00:00+01:00", tz: Europe/Amsterdam }
roles:
  - { id: oncall, name: On-call }
phases:
  - { id: night, at: 0s, title: "Scene 1: the wrong host", questions: [What do you check first?] }
  - id: morning
    at: 35m
    title: "Scene 2: the next morning"
    story_time: "2017-02-01T09:00:00+01:00"
    pause: true
    questions: ["Who should have been told overnight?"]
`;

function panelAt(wall: string) {
  const harness = DrillHarness.started(phased).runTo(wall);
  const view = projectLog(harness.scenario, harness.drill.log).view();
  const act = vi.fn();
  const nowMs = harness.drill.drillTimeAt(harness.wallMs);
  render(
    <>
      <ConsoleFacts
        team="Blue"
        seed={7}
        speed={4}
        story={harness.scenario.story}
        view={view}
        nowMs={nowMs}
      />
      <PhasePanel view={view} phases={harness.scenario.phases} act={act} />
    </>,
  );
  return act;
}

describe('when a phase is running', () => {
  it('shows its title, the story time in the story’s zone, and its questions', () => {
    panelAt('12m');
    const facts = screen.getByRole('definition', { name: 'Story time' }).closest('dl');
    expect(facts?.textContent).toContain('TeamBlue');
    expect(facts?.textContent).toContain('Seed7');
    expect(facts?.textContent).toContain('Speed×4');
    expect(screen.getByRole('heading', { name: 'Scene 1: the wrong host' })).toBeTruthy();
    expect(screen.getByLabelText('Story time').textContent).toBe('23:12 Tue 31 Jan 2017 · CET');
    expect(screen.getByText('What do you check first?')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Resume the drill' })).toBeNull();
    expect(
      screen.getByText(/^Next phase at T\+35:00: Scene 2: the next morning/).textContent,
    ).toContain('(pauses for discussion)');
  });
});

describe('when a phase paused the drill', () => {
  it('says so, jumps the story clock, puts the phase’s questions first and resumes on click', () => {
    const act = panelAt('50m');
    expect(screen.getByRole('status').textContent).toContain('Paused for discussion');
    expect(screen.getByLabelText('Story time').textContent).toBe('09:00 Wed 1 Feb 2017 · CET');
    const prompts = screen.getAllByRole('listitem').map((item) => item.textContent ?? '');
    expect(prompts[0]).toContain('Who should have been told overnight?');
    fireEvent.click(screen.getByRole('button', { name: 'Resume the drill' }));
    expect(act).toHaveBeenCalledWith({ resume: {} });
  });

  it('does not say paused for discussion once resumed', () => {
    const harness = DrillHarness.started(phased).runTo('50m');
    harness.expectOk({ type: 'resume' });
    const view = projectLog(harness.scenario, harness.drill.log).view();
    render(<PhasePanel view={view} phases={harness.scenario.phases} act={vi.fn()} />);
    expect(screen.queryByText(/^Next phase/)).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Scene 2: the next morning' })).toBeTruthy();
  });
});
