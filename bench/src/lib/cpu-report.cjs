// Preloaded (`node --require`) into a child process whose CPU time the bench reads: on exit it writes the
// process's own user + system CPU time to stderr as `__cpu_ms=<ms>`.
process.on('exit', () => {
  const used = process.cpuUsage();
  require('node:fs').writeSync(2, `\n__cpu_ms=${(used.user + used.system) / 1000}\n`);
});
