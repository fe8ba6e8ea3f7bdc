import type { Config } from './config.ts';

/** Extra CLI commands contributed by modules (e.g. `cchc calendar …`). */
export interface CliCommand {
  usage: string;
  run(args: string[], config: Config): Promise<void>;
}

export const cliCommands = new Map<string, CliCommand>();

import { calendarCli } from './modules/calendar/calendar.cli.ts';

cliCommands.set('calendar', calendarCli);
