#!/usr/bin/env node
// nlp.js baseline for the intent corpus.
//
//   cd eval/nlpjs && npm ci
//   node eval/nlpjs/score.mjs eval/corpus/train.jsonl eval/corpus/dev.jsonl
//
// Trains an NlpManager (pt + en) on every training line, classifies every dev line in its own
// language and prints one JSON object on stdout. Works offline once node_modules is installed.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { NlpManager } = require('node-nlp');
const VERSION = require('node-nlp/package.json').version;

const [trainPath, devPath] = process.argv.slice(2);
if (!trainPath || !devPath) {
  console.error('usage: node score.mjs <train.jsonl> <dev.jsonl>');
  process.exit(2);
}
const readJsonl = (p) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const train = readJsonl(trainPath);
const dev = readJsonl(devPath);

// nlp.js writes progress to console.log; keep stdout for the result only
const realLog = console.log;
console.log = (...args) => console.error(...args);

const manager = new NlpManager({ languages: ['pt', 'en'], forceNER: false, autoSave: false, autoLoad: false, nlu: { log: false } });
for (const { lang, text, intent } of train) manager.addDocument(lang, text, intent);

let t0 = performance.now();
await manager.train();
const trainSeconds = (performance.now() - t0) / 1000;

const intents = [...new Set([...train, ...dev].map((x) => x.intent))].sort();
const perIntent = Object.fromEntries(intents.map((i) => [i, { tp: 0, fp: 0, fn: 0 }]));
let correct = 0;
const predictions = new Array(dev.length);

t0 = performance.now();
for (let i = 0; i < dev.length; i++) {
  const r = await manager.process(dev[i].lang, dev[i].text);
  predictions[i] = r.intent;
}
const classifySeconds = (performance.now() - t0) / 1000;

for (let i = 0; i < dev.length; i++) {
  const gold = dev[i].intent, got = predictions[i];
  if (got === gold) { correct++; perIntent[gold].tp++; continue; }
  perIntent[gold].fn++;
  // "None" (nlp.js found no intent) counts as a miss, and as a false positive of its own
  (perIntent[got] ||= { tp: 0, fp: 0, fn: 0 }).fp++;
}

console.log = realLog;
console.log(JSON.stringify({
  engine: `nlp.js ${VERSION}`,
  trainSize: train.length,
  devSize: dev.length,
  accuracy: Number((correct / dev.length).toFixed(4)),
  perIntent,
  utterancesPerSecond: Number((dev.length / classifySeconds).toFixed(1)),
  trainSeconds: Number(trainSeconds.toFixed(2)),
}));
