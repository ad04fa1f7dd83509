/**
 * The phases that began (format v2) and the questions the room was given as they came up: a
 * phase's `questions` when it starts, a fired inject's when the entry carries them (only the
 * facilitator's entries do). The last phase begun is the current one; the list is what the
 * story clock needs (`src/scenario/story-clock.ts`).
 */
import type { EntryOf } from '../log';
import type {
  DiscussionPrompt,
  FiredInject,
  ProjectionScenario,
  StartedPhase,
} from './projection-views';

export class PhaseBook {
  readonly started: StartedPhase[] = [];
  readonly prompts: DiscussionPrompt[] = [];
  private readonly startedIds = new Set<string>();
  private readonly questionsOf: ReadonlyMap<string, readonly string[]>;

  constructor(scenario: ProjectionScenario) {
    this.questionsOf = new Map((scenario.phases ?? []).map(({ id, questions }) => [id, questions]));
  }

  get current(): StartedPhase | null {
    return this.started.at(-1) ?? null;
  }

  hasStarted(phase: string): boolean {
    return this.startedIds.has(phase);
  }

  start(entry: EntryOf<'phase.started'>): void {
    const { phase, title, storyTimeMs } = entry.payload;
    this.startedIds.add(phase);
    this.started.push({
      seq: entry.seq,
      id: phase,
      title,
      startedAtMs: entry.drillMs,
      storyTimeMs,
    });
    this.prompt(entry.seq, entry.drillMs, 'phase', title, this.questionsOf.get(phase) ?? []);
  }

  injectFired(seq: number, drillMs: number, inject: FiredInject | undefined): void {
    if (inject?.questions)
      this.prompt(seq, drillMs, 'inject', inject.title ?? inject.id, inject.questions);
  }

  private prompt(
    seq: number,
    drillMs: number,
    source: DiscussionPrompt['source'],
    title: string,
    questions: readonly string[],
  ): void {
    if (questions.length > 0) this.prompts.push({ seq, drillMs, source, title, questions });
  }
}
