/**
 * The scenario file format of scenario-format.md as zod schemas: the single source for the
 * loader's shape checks and for the JSON Schema that editors use. Field names are the file's
 * own (snake_case); `normalize-scenario.ts` turns a checked file into the domain `Scenario`.
 * This module assembles the whole file from its parts (`schema-*.ts`, one part each) and
 * re-exports them, so callers import every piece of the format from here.
 */
import { z } from 'zod';
import { schemaDocs } from './schema-docs';
import type { effect } from './schema-effect';
import { expectation } from './schema-expectation';
import type { trigger } from './schema-expectation';
import { experiment } from './schema-experiment';
import { duration, id, text } from './schema-fields';
import { inject } from './schema-inject';
import { escalationPath, role } from './schema-roles';
import type { realPage } from './schema-real-page';
import { phase, story } from './schema-story';
import { checklist, decision } from './schema-tasks';
import type { until, when } from './schema-when';

export { schemaDocs } from './schema-docs';
export { duration } from './schema-fields';
export { experimentStatuses, until, when } from './schema-when';
export { effect } from './schema-effect';
export { injectKinds, inject } from './schema-inject';
export { escalationPath, role } from './schema-roles';
export { expectation, expectationKinds, trigger } from './schema-expectation';
export { phase, story } from './schema-story';
export { checklist, decision } from './schema-tasks';
export { experiment } from './schema-experiment';
export { realPage, realPageSeverities, routingKeyRefPattern } from './schema-real-page';

const weight = z.number().min(0);

export const scenarioFile = z
  .strictObject({
    $schema: z.string().optional(),
    version: z
      .union([z.literal(1), z.literal(2)], {
        error: 'this Firedrill reads scenario format versions 1 and 2',
      })
      .optional(),
    id: id('scenario id'),
    title: text,
    summary: z.string().optional(),
    duration,
    tags: z.array(text).optional(),
    mode: z.enum(['tabletop', 'gameday']).optional(),
    difficulty: z.enum(['beginner', 'intermediate', 'advanced']).optional().register(schemaDocs, {
      description: 'Who the drill suits: a new on-call engineer (beginner) up to a seasoned team',
    }),
    sources: z
      .array(
        z.strictObject({
          title: text,
          url: z.url({
            protocol: /^https?$/,
            error: 'expected a web address (http:// or https://)',
          }),
        }),
      )
      .optional()
      .register(schemaDocs, {
        description: 'The public incident reports or published exercises the story is based on',
      }),
    severities: z.array(text).min(1).optional().register(schemaDocs, {
      description: 'The severity scale, most severe first (default SEV1 to SEV5)',
    }),
    channels: z.array(text).min(1).optional().register(schemaDocs, {
      description:
        'The channels escalations and effects may name; without it: page, phone, chat, bridge, email or free text',
    }),
    roles: z.array(role).min(1),
    escalation_paths: z.array(escalationPath).optional(),
    templates: z.record(id('template name'), z.array(text).min(1)).optional().register(schemaDocs, {
      description:
        'Message templates by name: `escalation` and `handoff`, and any a role names in `template`',
    }),
    injects: z.array(inject).optional(),
    expectations: z.array(expectation).optional(),
    decisions: z.array(decision).optional(),
    checklists: z.array(checklist).optional(),
    experiments: z.array(experiment).optional(),
    story: story.optional().register(schemaDocs, {
      description: "The story's wall-clock time at T+0 and its time zone (display only)",
    }),
    phases: z.array(phase).optional(),
    scoring: z
      .strictObject({
        weights: z
          .strictObject({
            timeliness: weight.optional(),
            communication: weight.optional(),
            acknowledgement: weight.optional(),
            checklists: weight.optional(),
          })
          .optional(),
      })
      .optional(),
  })
  .register(schemaDocs, {
    title: 'Firedrill scenario',
    description: 'A drill scenario (scenario-format.md, versions 1 and 2)',
  });

/** A scenario file whose shape has been checked, before references are. */
export type ScenarioFile = z.output<typeof scenarioFile>;
export type InjectFile = z.output<typeof inject>;
export type WhenFile = z.output<typeof when>;
export type UntilFile = z.output<typeof until>;
export type EffectFile = z.output<typeof effect>;
export type RealPageFile = z.output<typeof realPage>;
export type TriggerFile = z.output<typeof trigger>;
export type ExperimentStartFile = z.output<typeof experiment>['start'];
