import { parseArgs } from 'node:util';
import { cliCommands } from './cli-commands.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { DEMO_PASSWORD, isEmpty, seedDemo } from './db/seed/demo.ts';
import { createUserCli, resetPasswordCli } from './db/seed/users-cli.ts';
import { AppError, errorDef, formatMessage } from './errors.ts';
import { startServer } from './server.ts';

const HELP = `cchc — cải cách hành chính

Usage:
  cchc serve                       start the web app and API (seeds demo data on an empty database)
  cchc migrate                     apply database migrations and exit
  cchc seed demo                   fill an empty database with the demo data
  cchc user create --name N (--email E | --phone P) --password X [--role R --unit CODE]
  cchc user reset-password (--email E | --phone P) --password X
${[...cliCommands.values()].map((c) => `  ${c.usage}`).join('\n')}
Environment: DATABASE_URL (PostgreSQL; embedded PGlite in ./data when unset), PORT, CCHC_DATA_DIR, LOG_LEVEL …`;

async function withDb<T>(config: Config, fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function serve(config: Config) {
  let seeded = false;
  const running = await startServer(config, {
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    },
    seed: async (deps) => {
      if (config.seedDemo && (await isEmpty(deps.database.db))) {
        await seedDemo(deps);
        seeded = true;
      }
    },
  });
  const where = running.deps.database.describe;
  const shown = running.url.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  process.stdout.write(`cchc is running at ${shown} (database: ${where})\n`);
  if (seeded) {
    process.stdout.write(`Demo data loaded. Demo accounts (password "${DEMO_PASSWORD}"):\n`);
    const { DEMO_ACCOUNTS } = await import('./db/seed/demo-accounts.ts');
    for (const a of DEMO_ACCOUNTS)
      process.stdout.write(`  ${a.login.padEnd(28)} ${a.role.padEnd(20)} ${a.unitCode ?? ''}\n`);
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await running.stop();
    } catch (err) {
      process.stderr.write(`cchc: stopping: ${(err as Error).message}\n`);
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

export async function runCli(argv: string[]): Promise<void> {
  const [cmd = 'serve', sub, ...rest] = argv;
  try {
    const config = loadConfig();
    if (cmd === 'serve') return await serve(config);
    if (cmd === 'migrate') {
      await withDb(config, async (d) => process.stdout.write(`migrated ${d.describe}\n`));
      return;
    }
    if (cmd === 'seed' && sub === 'demo') {
      const { createJobs } = await import('./platform/jobs/jobs.ts');
      const { AuthService } = await import('./platform/auth/auth.service.ts');
      await withDb(config, async (database) => {
        if (!(await isEmpty(database.db))) {
          process.stdout.write('the database already has units; demo data not loaded\n');
          return;
        }
        await seedDemo({
          config,
          database,
          auth: new AuthService(database.db, config),
          jobs: createJobs(database, { worker: false }),
        });
        process.stdout.write(`demo data loaded into ${database.describe}\n`);
      });
      return;
    }
    if (cmd === 'user' && (sub === 'create' || sub === 'reset-password')) {
      const { values } = parseArgs({
        args: rest,
        options: {
          name: { type: 'string' },
          email: { type: 'string' },
          phone: { type: 'string' },
          password: { type: 'string' },
          role: { type: 'string' },
          unit: { type: 'string' },
        },
      });
      await withDb(config, async (database) => {
        const msg =
          sub === 'create' ? await createUserCli(database.db, values) : await resetPasswordCli(database.db, values);
        process.stdout.write(`${msg}\n`);
      });
      return;
    }
    const extra = cliCommands.get(cmd);
    if (extra)
      return await extra.run(
        [sub, ...rest].filter((x): x is string => x !== undefined),
        config,
      );
    if (cmd === 'help' || cmd === '--help' || cmd === '-h') {
      process.stdout.write(`${HELP}\n`);
      return;
    }
    process.stderr.write(`cchc: unknown command "${argv.join(' ')}"\n${HELP}\n`);
    process.exitCode = 2;
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`cchc: ${err.message}\n`);
      process.exit(1);
    }
    if (err instanceof AppError) {
      // a rejected input (status 400: a bad option, value or argument) is a usage error
      process.stderr.write(`cchc: ${oneLine(errorText(err))}\n`);
      process.exit(errorDef(err.code)?.status === 400 ? 2 : 1);
    }
    const code = (err as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
      process.stderr.write(`cchc: ${oneLine((err as Error).message)}\n`);
      process.exit(2);
    }
    throw err;
  }
}

/** `CODE: Vietnamese text — English text` of an error, from the errors catalogue. */
function errorText(err: AppError): string {
  const def = errorDef(err.code);
  if (!def) return err.code;
  const texts = new Set([formatMessage(def.vi, err.params), formatMessage(def.en, err.params)]);
  return `${err.code}: ${[...texts].join(' — ')}`;
}

/** A CLI error is one line on stderr, whatever the message (or a value quoted in it) contains. */
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
