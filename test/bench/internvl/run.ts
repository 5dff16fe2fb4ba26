// InternVL3 engine costs on the tiny model: the decode loop's own time per token outside
// session.run (goal ≤ 0.5 ms) and preprocessing (resize, tiling, normalisation) per tile.
// Usage: pnpm exec tsx test/bench/internvl/run.ts [tokens per run]
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PageImage, silentLogger } from '@ocr/contracts';
import {
  chooseGreedy,
  createInternVLTokenizer,
  greedyDecode,
  KvCacheDecoder,
  openSessions,
  preprocessPage,
  readModelFolder,
  readSessionLayout,
  releaseSessions,
  tileGrid,
} from '@ocr/engines';
// The tiny model writer is a test fixture, not part of the package's public surface.
import { writeTinyInternVL } from '../../../packages/engines/src/internvl-tiny/index.ts';

const tokensPerRun = Number(process.argv[2] ?? 256);
const runs = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Counts the time spent inside session.run, so the rest of the loop can be told apart. */
function timeRuns(session: { run: (...args: never[]) => Promise<unknown> }): { ms: number } {
  const clock = { ms: 0 };
  const run = session.run.bind(session) as (...args: unknown[]) => Promise<unknown>;
  (session as { run: unknown }).run = async (...args: unknown[]) => {
    const start = performance.now();
    try {
      return await run(...args);
    } finally {
      clock.ms += performance.now() - start;
    }
  };
  return clock;
}

const dir = await mkdtemp(join(tmpdir(), 'internvl-bench-'));
try {
  await writeTinyInternVL(dir);
  const folder = await readModelFolder(dir);
  const sessions = await openSessions(folder.graphs, 'cpu', silentLogger);
  const layout = readSessionLayout(sessions, folder.config);
  const { tokenizer } = createInternVLTokenizer(folder.tokenizerJson, folder.tokenizerConfig, folder.eosTokenIds);
  const clocks = [timeRuns(sessions.embed), timeRuns(sessions.decoder)];
  const prompt = tokenizer.encode('<|im_start|>user\nTranscribe the drawing.<|im_end|>\n<|im_start|>assistant\n', { add_special_tokens: false }).ids;

  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${availableParallelism()} cores`);
  console.log(`decode loop, tiny model (vocabulary ${folder.config.llm.vocabSize}), ${tokensPerRun} tokens × ${runs} runs, CPU`);
  const overheads: number[] = [];
  const inRun: number[] = [];
  for (let r = 0; r < runs + 1; r++) {
    const decoder = new KvCacheDecoder(sessions.embed, sessions.decoder, layout, folder.config.llm);
    const logits = await decoder.prefill(await decoder.embed(prompt), prompt.length);
    for (const c of clocks) c.ms = 0;
    const start = performance.now();
    const result = await greedyDecode(decoder, logits, { maxNewTokens: tokensPerRun, stopTokenIds: new Set(), signal: new AbortController().signal, onToken: () => {} });
    const wall = performance.now() - start;
    const runMs = clocks.reduce((s, c) => s + c.ms, 0);
    const n = result.tokens.length;
    if (r === 0) continue; // warm-up
    overheads.push((wall - runMs) / n);
    inRun.push(runMs / n);
    console.log(`  run ${r}: ${n} tokens (${result.stopReason}), ${(wall / n).toFixed(3)} ms/token total, ${(runMs / n).toFixed(3)} in session.run, ${((wall - runMs) / n).toFixed(3)} loop overhead`);
  }
  console.log(`loop overhead: median ${median(overheads).toFixed(3)} ms/token, best ${Math.min(...overheads).toFixed(3)} (session.run median ${median(inRun).toFixed(3)} ms/token)`);

  const row = Float32Array.from({ length: folder.config.llm.vocabSize }, (_, i) => Math.sin(i * 0.37) * 8);
  const reps = 200;
  let sink = 0;
  const pickStart = performance.now();
  for (let i = 0; i < reps; i++) sink += chooseGreedy(row).token;
  console.log(`  of which argmax + softmax over the vocabulary: ${((performance.now() - pickStart) / reps).toFixed(3)} ms/token (${sink > 0 ? 'ok' : ''})`);

  console.log('preprocessing (sharp resize + tiles + normalisation), ms per tile:');
  const pages: [string, number, number][] = [
    ['A4 portrait 300 dpi', 2480, 3508],
    ['A3 landscape 150 dpi', 2480, 1754],
    ['1920×1080', 1920, 1080],
  ];
  for (const [name, width, height] of pages) {
    const data = new Uint8Array(width * height * 3);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31) & 255;
    const page: PageImage = { width, height, channels: 3, data };
    const grid = tileGrid(width, height, { imageSize: 448, minTiles: 1, maxTiles: 12, useThumbnail: true });
    const times: number[] = [];
    for (let r = 0; r < runs + 1; r++) {
      const start = performance.now();
      await preprocessPage(page, grid, 448);
      if (r > 0) times.push(performance.now() - start);
    }
    console.log(`  ${name} ${width}×${height}: ${grid.tiles} tiles, ${median(times).toFixed(1)} ms/page, ${(median(times) / grid.tiles).toFixed(2)} ms/tile`);
  }
  await releaseSessions(sessions);
} finally {
  await rm(dir, { recursive: true, force: true });
}
