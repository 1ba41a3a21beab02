#!/usr/bin/env node
// A small process supervisor for npm start, as Kubernetes would restart a crashed pod:
//   node deploy/local/supervise.js --name offers --cwd services/offers --log .cache/run/offers.log \
//        --child-pidfile .cache/run/offers.child-pid -- node -r ../../deploy/local/register.js src/main.ts
// Runs the command, appends its output to the log, and starts it again when it exits for any reason
// but a stop: after 1 s, then 2, 4, 8, 16 and at most 30 s while it keeps crashing; the delay starts
// over once a run has lasted a minute. SIGTERM or SIGINT stops the child (SIGKILL after 10 s) and
// then the supervisor. Plain JavaScript on purpose: nothing to compile before it can run.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');

function parse(argv) {
  const split = argv.indexOf('--');
  if (split < 0 || split === argv.length - 1) throw new Error('usage: supervise.js --name N --log FILE [--cwd DIR] [--child-pidfile FILE] -- command args…');
  const options = {};
  for (let i = 0; i < split; i += 2) options[argv[i].replace(/^--/, '')] = argv[i + 1];
  if (!options.name || !options.log) throw new Error('supervise.js: --name and --log are required');
  return { ...options, command: argv[split + 1], args: argv.slice(split + 2) };
}

const BACKOFF_MS = [1000, 2000, 4000, 8000, 16000, 30000];
const STABLE_AFTER_MS = 60000;

function main() {
  const o = parse(process.argv.slice(2));
  const log = fs.openSync(o.log, 'a');
  const say = (level, msg) => fs.writeSync(log, JSON.stringify({ level, time: new Date().toISOString(), service: 'supervisor', name: o.name, msg }) + '\n');
  let child = null;
  let stopping = false;
  let failures = 0;
  let timer = null;

  const run = () => {
    timer = null;
    const startedAt = Date.now();
    child = spawn(o.command, o.args, { cwd: o.cwd || process.cwd(), stdio: ['ignore', log, log], env: process.env });
    if (o['child-pidfile'] && child.pid) fs.writeFileSync(o['child-pidfile'], String(child.pid));
    child.on('error', (error) => say('error', `could not start ${o.name}: ${error.message}`));
    child.on('exit', (code, signal) => {
      child = null;
      if (stopping) return process.exit(0);
      failures = Date.now() - startedAt >= STABLE_AFTER_MS ? 1 : failures + 1;
      const delay = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length) - 1];
      say('warn', `${o.name} exited (${signal ? `signal ${signal}` : `code ${code}`}); restarting in ${delay / 1000} s (restart ${failures})`);
      timer = setTimeout(run, delay);
    });
  };

  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    say('info', `${signal}: stopping ${o.name}`);
    if (timer) clearTimeout(timer);
    if (!child) return process.exit(0);
    child.kill('SIGTERM');
    setTimeout(() => child && child.kill('SIGKILL'), 10000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGHUP', () => stop('SIGHUP'));
  say('info', `supervising ${o.name}: ${[o.command, ...o.args].join(' ')}`);
  run();
}

try {
  main();
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
