// Runs once before every worker: serves dist/ (unless $BASE_URL names a server already
// running) and builds the CLI the oracle runs (unless $ADOPTION_CLI names one). Both are
// handed to the workers through the environment, which they inherit. Any failure here
// fails the run: a suite that cannot start is not a suite that passed.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT, serveStatic } from './site.mjs';

function buildCli() {
  if (process.env.ADOPTION_CLI) {
    if (!existsSync(process.env.ADOPTION_CLI)) throw new Error(`ADOPTION_CLI=${process.env.ADOPTION_CLI} does not exist`);
    return;
  }
  // Built once here, so no test waits for the shared cargo lock while its clock runs.
  const built = spawnSync('cargo', ['build', '-q', '--release', '-p', 'adoption-cli'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`cargo build --release -p adoption-cli failed (${built.status ?? built.error})`);
  const target = process.env.CARGO_TARGET_DIR || join(ROOT, 'target');
  process.env.ADOPTION_CLI = join(target, 'release', 'adoption');
}

export default async function globalSetup() {
  buildCli();
  if (process.env.BASE_URL) return undefined;
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: build the site first (cargo xtask dist)`);
  }
  const server = await serveStatic(DIST);
  process.env.BASE_URL = server.url;
  return () => server.stop();
}
