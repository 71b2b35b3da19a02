/**
 * @module cli/commands/models
 * `models download whisper <tiny|base|small>[.en]`: fetch and verify a whisper.cpp model, then build
 * whisper-cli if it is not built yet, so one command enables voice notes.
 * `models build-whisper`: compile whisper-cli ahead of time (minutes on a small box).
 * `models list`: what is installed and which model the config selects.
 */
import fs from 'node:fs/promises';
import { SingleBar, Presets } from 'cli-progress';
import { isMunshiError } from '../../core/errors.js';
import { runProcess } from '../../voice/process.js';
import { buildWhisper, defaultBuildPlan } from '../../voice/whisper/build.js';
import { downloadModel, listInstalled } from '../../voice/whisper/download.js';
import { MODEL_NAMES, MODELS, parseModelName } from '../../voice/whisper/models.js';
import { defaultWhisperBin } from '../../voice/whisper/transcriber.js';
import { out, parseArgs, str } from '../args.js';
import { cliConfig } from '../services.js';

export const summary = 'whisper models for voice notes: download whisper <model> | build-whisper | list';

const USAGE = `usage:
  models download whisper <${MODEL_NAMES.join('|')}> [--no-build] [--force] [--url BASE]
  models build-whisper [--jobs N]
  models list`;

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['no-build', 'force']);
  const [sub, kind, name] = args.positional;
  const voice = cliConfig(args).voice;
  const err = (s: string): void => void process.stderr.write(s.endsWith('\n') ? s : `${s}\n`);

  try {
    if (sub === 'list') {
      const installed = await listInstalled(voice.modelsDir, Object.values(MODELS));
      const bin = defaultWhisperBin(voice.modelsDir);
      const built = await fs.access(bin).then(() => true, () => false);
      await out(`models folder: ${voice.modelsDir}`);
      await out(`selected: ${voice.model} (MUNSHI_WHISPER_MODEL), language ${voice.language} (MUNSHI_WHISPER_LANGUAGE)`);
      await out(`whisper-cli: ${built ? bin : 'not built (npm run --silent cli -- models build-whisper)'}`);
      if (installed.length === 0) await out('installed: none');
      for (const m of installed) {
        const mb = (m.bytes / 1024 / 1024).toFixed(0);
        const note = m.sizeOk ? '' : `  ⚠ size ${m.bytes}, expected ${m.model.bytes}: re-download`;
        await out(`installed: ${m.model.name.padEnd(9)} ${mb.padStart(4)} MiB  ${m.model.multilingual ? 'multilingual' : 'English only'}${m.model.name === voice.model ? '  ← selected' : ''}${note}`);
      }
      return 0;
    }

    if (sub === 'build-whisper') {
      const jobs = Number(str(args, 'jobs') ?? '0') || undefined;
      const plan = defaultBuildPlan(voice.modelsDir, jobs);
      err(`building whisper-cli from ${plan.sourceDir} (${plan.jobs} job${plan.jobs === 1 ? '' : 's'}; a few minutes)…`);
      const t0 = Date.now();
      const bin = await buildWhisper(runProcess, plan, (s) => void process.stderr.write(s));
      err(`built ${bin} in ${Math.round((Date.now() - t0) / 1000)} s`);
      await out(bin);
      return 0;
    }

    if (sub === 'download') {
      if (kind !== 'whisper' || !name) {
        err(USAGE);
        return 2;
      }
      const model = parseModelName(name);
      if (!model) {
        err(`unknown whisper model "${name}"; choose one of ${MODEL_NAMES.join(', ')}`);
        return 2;
      }
      const bar = new SingleBar(
        { format: `${model.file} [{bar}] {percentage}% | {value}/{total} MiB | {eta_formatted}`, stream: process.stderr, hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 },
        Presets.shades_classic,
      );
      const mib = (n: number): number => Math.round(n / 1024 / 1024);
      let started = false;
      let res;
      try {
        res = await downloadModel(model, {
          modelsDir: voice.modelsDir,
          baseUrl: str(args, 'url'),
          force: args.flags.force === true,
          onProgress: (got, total) => {
            // Started on the first bytes, so an offline machine sees only the error.
            if (!started) bar.start(mib(total), 0);
            started = true;
            bar.update(mib(got));
          },
        });
      } finally {
        if (started) bar.stop();
      }
      err(res.downloaded ? `verified size, SHA-1 and SHA-256 of ${res.path}` : `${res.path} is already installed and verified`);
      await out(res.path);
      if (model.name !== voice.model) err(`note: the config selects "${voice.model}"; set MUNSHI_WHISPER_MODEL=${model.name} to use this one`);
      const bin = defaultWhisperBin(voice.modelsDir);
      const built = await fs.access(bin).then(() => true, () => false);
      if (!built && args.flags['no-build'] !== true) {
        const plan = defaultBuildPlan(voice.modelsDir);
        err(`whisper-cli is not built yet; building it now from ${plan.sourceDir} (a few minutes)…`);
        await buildWhisper(runProcess, plan, (s) => void process.stderr.write(s));
        err(`built ${plan.binPath}`);
      }
      err('voice notes are enabled; restart munshi to pick up the model.');
      return 0;
    }

    err(USAGE);
    return 2;
  } catch (e) {
    if (isMunshiError(e)) {
      err(`error: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
