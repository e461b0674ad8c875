import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, posix } from 'node:path';

/**
 * The Dockerfile's instructions, run on a machine without a Docker engine as far as it allows:
 * each stage gets a folder that stands for its filesystem root, COPY copies from the build
 * context (filtered by .dockerignore) or from an earlier stage's folder, RUN runs in the stage's
 * WORKDIR with its ENV. What needs the image's own system (apt-get, users and owners) is not run
 * but listed, so a test can say what it left out. Only the instructions this project's
 * Dockerfile uses are understood; any other fails loudly rather than being skipped.
 */
export interface Instruction { op: string; args: string; line: number }
export interface Stage { name?: string; from: string; instructions: Instruction[] }
export interface Dockerfile { args: Record<string, string>; stages: Stage[] }

const KNOWN = new Set(['FROM', 'ARG', 'WORKDIR', 'COPY', 'RUN', 'ENV', 'USER', 'EXPOSE', 'HEALTHCHECK', 'ENTRYPOINT', 'CMD']);

export function parseDockerfile(text: string): Dockerfile {
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i + 1;
    let line = lines[i]!;
    if (/^\s*(#|$)/.test(line)) continue;
    while (line.endsWith('\\') && i + 1 < lines.length) line = `${line.slice(0, -1)} ${lines[++i]!.trim()}`;
    const m = /^\s*([A-Z]+)\s+(.*)$/.exec(line);
    if (!m || !KNOWN.has(m[1]!)) throw new Error(`Dockerfile line ${start}: instruction not understood by this check: ${line}`);
    const [, op, rest] = m as unknown as [string, string, string];
    if (op === 'ARG' && stages.length === 0) {
      const [k, v = ''] = rest.split('=');
      args[k!.trim()] = v.trim();
      continue;
    }
    if (op === 'FROM') {
      const f = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest.trim().replace(/\$\{(\w+)\}/g, (_, k: string) => args[k] ?? ''));
      if (!f) throw new Error(`Dockerfile line ${start}: FROM not understood: ${rest}`);
      stages.push({ from: f[1]!, name: f[2], instructions: [] });
      continue;
    }
    if (!stages.length) throw new Error(`Dockerfile line ${start}: ${op} before FROM`);
    stages.at(-1)!.instructions.push({ op, args: rest.trim(), line: start });
  }
  return { args, stages };
}

/** Exec form (a JSON array) or shell form, as Docker reads CMD, ENTRYPOINT and HEALTHCHECK CMD. */
export function execForm(args: string): string[] {
  return args.trim().startsWith('[') ? (JSON.parse(args) as string[]) : ['/bin/sh', '-c', args];
}

/** The .dockerignore subset this project uses: whole-path patterns with `*` and `!` exceptions. */
export function contextFilter(contextDir: string): (relative: string) => boolean {
  const file = join(contextDir, '.dockerignore');
  const rules = existsSync(file)
    ? readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
      .map((l) => ({ keep: l.startsWith('!'), pattern: l.replace(/^!/, '').replace(/\/$/, '') }))
    : [];
  for (const r of rules) if (r.pattern !== '*' && /[*?[]/.test(r.pattern)) throw new Error(`.dockerignore: pattern not understood by this check: ${r.pattern}`);
  return (relative) => {
    let included = true;
    for (const r of rules) {
      if (r.pattern === '*' || relative === r.pattern || relative.startsWith(`${r.pattern}/`)) included = r.keep;
    }
    return included;
  };
}

export interface StageRun { name?: string; root: string; workdir: string; env: Record<string, string>; skipped: string[]; cmd?: string[]; entrypoint?: string[]; healthcheck?: string[]; user?: string }

/** Not run here: they change the image's operating system, not the application's files. */
const SYSTEM = /\b(apt-get|chown|useradd|groupadd)\b/;

/**
 * Runs every stage into `root/<n>`; returns each stage's outcome. RUN steps get `extraEnv`
 * (for example an npm cache to prefer) besides the stage's ENV.
 */
export function runDockerfile(df: Dockerfile, contextDir: string, root: string, extraEnv: Record<string, string> = {}): StageRun[] {
  const included = contextFilter(contextDir);
  const runs: StageRun[] = [];
  df.stages.forEach((stage, n) => {
    const run: StageRun = { name: stage.name, root: join(root, String(n)), workdir: '/', env: {}, skipped: [] };
    mkdirSync(run.root, { recursive: true });
    const inStage = (p: string) => join(run.root, posix.resolve(run.workdir, p));
    for (const ins of stage.instructions) {
      const where = `Dockerfile line ${ins.line} (${ins.op} ${ins.args.slice(0, 60)})`;
      switch (ins.op) {
        case 'WORKDIR':
          run.workdir = posix.resolve(run.workdir, ins.args);
          mkdirSync(inStage('.'), { recursive: true });
          break;
        case 'ENV': {
          for (const m of ins.args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) run.env[m[1]!] = m[2]!.replace(/^"|"$/g, '');
          break;
        }
        case 'COPY': {
          const words = ins.args.split(/\s+/);
          const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
          const paths = words.filter((w) => !w.startsWith('--'));
          const dest = paths.pop()!;
          const source = from === undefined ? undefined : runs.find((r, i) => r.name === from || String(i) === from);
          if (from !== undefined && !source) throw new Error(`${where}: no stage ${from}`);
          for (const p of paths) {
            const src = source ? join(source.root, posix.resolve(source.workdir, p)) : join(contextDir, p);
            if (!source && !included(posix.normalize(p).replace(/\/$/, ''))) throw new Error(`${where}: ${p} is excluded by .dockerignore`);
            if (!existsSync(src)) throw new Error(`${where}: ${p} does not exist`);
            const target = statSync(src).isDirectory() || !dest.endsWith('/') ? inStage(dest) : join(inStage(dest), basename(p));
            cpSync(src, target, {
              recursive: true,
              filter: (f) => source !== undefined || included(f.slice(contextDir.length).replace(/^\/+/, '')),
            });
          }
          break;
        }
        case 'RUN': {
          if (SYSTEM.test(ins.args)) { run.skipped.push(`line ${ins.line}: ${ins.args}`); break; }
          const r = spawnSync('bash', ['-euo', 'pipefail', '-c', ins.args], {
            cwd: inStage('.'), env: { ...process.env, ...run.env, ...extraEnv }, encoding: 'utf8', maxBuffer: 64 << 20,
          });
          if (r.status !== 0) throw new Error(`${where} failed (exit ${r.status ?? r.signal}):\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-4000)}`);
          break;
        }
        case 'CMD': run.cmd = execForm(ins.args); break;
        case 'ENTRYPOINT': run.entrypoint = execForm(ins.args); break;
        case 'HEALTHCHECK': {
          const m = /\bCMD\s+(.*)$/.exec(ins.args);
          if (!m) throw new Error(`${where}: HEALTHCHECK without CMD`);
          run.healthcheck = execForm(m[1]!);
          break;
        }
        case 'USER': run.user = ins.args; break;
        case 'EXPOSE': break;
        default: throw new Error(`${where}: not understood by this check`);
      }
    }
    runs.push(run);
  });
  return runs;
}
