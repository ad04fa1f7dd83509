/** The `firedrill` command line: dispatches to one module per command. */
import { scenarioJsonSchema } from '../../scenario/json-schema';
import type { CliIo } from './cli-io';
import { exitCode, UsageError } from './cli-io';
import { guideUsage, runGuide } from './guide-command';
import { importPolicyUsage, runImportPolicy } from './import-policy-command';
import { reportUsage, runReport } from './report-command';
import { runServe, serveUsage } from './serve-command';
import { runSimulate, simulateUsage } from './simulate-command';
import { runValidate, validateUsage } from './validate-command';

const commands: Record<
  string,
  { usage: string; run: (args: readonly string[], io: CliIo) => Promise<number> }
> = {
  validate: { usage: validateUsage, run: runValidate },
  simulate: { usage: simulateUsage, run: runSimulate },
  report: { usage: reportUsage, run: runReport },
  guide: { usage: guideUsage, run: runGuide },
  'import-policy': { usage: importPolicyUsage, run: runImportPolicy },
  serve: { usage: serveUsage, run: runServe },
  schema: {
    usage: 'firedrill schema            (prints the JSON Schema of scenario files)',
    run: async (_args, io) => {
      io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
      return exitCode.ok;
    },
  },
};

function usage(): string {
  return (
    ['Usage:', ...Object.values(commands).map((command) => `  ${command.usage}`)].join('\n') + '\n'
  );
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(usage());
    return name === undefined ? exitCode.usage : exitCode.ok;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`firedrill: unknown command "${name}"\n${usage()}`);
    return exitCode.usage;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`firedrill: ${error.message}\nUsage: ${command.usage}\n`);
      return exitCode.usage;
    }
    throw error;
  }
}
