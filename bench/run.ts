import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchResult, type BenchSuite, meets } from './harness.ts';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const ctx = {
  postgresUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  quick: process.env.BENCH_QUICK === '1',
  log: (m: string) => process.stderr.write(`  · ${m}\n`),
};

const files = readdirSync(join(here, 'suites'))
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const results: BenchResult[] = [];
for (const f of files) {
  const suite = (await import(join(here, 'suites', f))).default as BenchSuite;
  if (only.length && !only.includes(suite.name)) continue;
  process.stderr.write(`▶ ${suite.name}\n`);
  try {
    results.push(...(await suite.run(ctx)));
  } catch (err) {
    process.stderr.write(`  ✗ ${suite.name} failed: ${(err as Error).stack}\n`);
    results.push({ suite: suite.name, name: 'FAILED', db: 'in-process', value: Number.NaN, unit: String(err) });
  }
}

const fmt = (v: number) => (Number.isFinite(v) ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(4)) : String(v));
const rows = results.map((r) => {
  const ok = meets(r);
  return [
    r.suite,
    r.name,
    r.db,
    `${fmt(r.value)} ${r.unit}`,
    r.target ? `${r.target.op} ${r.target.value}` : '',
    ok === undefined ? '' : ok ? 'ok' : 'MISSED',
  ];
});
const head = ['suite', 'measure', 'db', 'value', 'target', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));

const out = join(here, 'results');
mkdirSync(out, { recursive: true });
const doc = JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2);
writeFileSync(join(out, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`), doc);
writeFileSync(join(out, 'latest.json'), doc);
// Node may be kept alive by pools a suite forgot; the table is printed, so leave.
process.exit(0);
