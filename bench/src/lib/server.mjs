import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../servers/server.mjs', import.meta.url));

/**
 * Starts a loopback server of `kind` in a child process and resolves once it listens. `close()` stops that child
 * (and only it).
 */
export async function startServer(kind, options = {}) {
  const child = fork(entry, [kind, JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message.port));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`The ${kind} server exited early (code ${code}).`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    async stats() {
      return (await fetch(`${url}/__stats`)).json();
    },
    async reset() {
      await (await fetch(`${url}/__reset`, { method: 'POST' })).text();
    },
    close() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      });
    },
  };
}
