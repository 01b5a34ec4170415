/**
 * Starts a throwaway Homeward for the journeys: a fresh data directory, `homeward init`, a config that lifts the
 * per-address login limit (every journey logs in from 127.0.0.1), `homeward serve` on a free port with the built
 * UI, and one account per journey created through the API. Returns the teardown.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  appendFileSync,
  constants,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiClient, type E2EUser, type E2EUsers } from './server';

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function password(): string {
  return `E2e-${randomBytes(12).toString('base64url')}-pass`;
}

async function waitForHealth(url: string, server: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(
        `homeward serve exited with ${server.exitCode}:\n${readFileSync(logFile, 'utf8')}`,
      );
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `homeward serve did not answer /healthz within 30 s:\n${readFileSync(logFile, 'utf8')}`,
  );
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((r) => server.once('exit', () => r()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const bin = resolve(webDir, process.env.HOMEWARD_BIN ?? '../build/homeward');
  const ui = resolve(webDir, process.env.HOMEWARD_UI ?? 'dist');
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    throw new Error(
      `no server binary at ${bin}: build it (cmake --build build) or set HOMEWARD_BIN`,
    );
  }
  if (!existsSync(join(ui, 'index.html'))) {
    throw new Error(`no built UI at ${ui}: run npm run build (or set HOMEWARD_UI)`);
  }

  const tmp = mkdtempSync(join(tmpdir(), 'homeward-e2e-'));
  const dataDir = join(tmp, 'data');
  const passwordFile = join(tmp, 'admin-password');
  const logFile = join(tmp, 'server.log');
  const admin: E2EUser = { username: 'admin', password: password() };
  writeFileSync(passwordFile, `${admin.password}\n`, { mode: 0o600 });

  const init = spawnSync(bin, ['init', '--data', dataDir, '--admin-password-file', passwordFile], {
    encoding: 'utf8',
  });
  if (init.status !== 0) {
    throw new Error(`homeward init failed (${init.status}):\n${init.stdout}\n${init.stderr}`);
  }
  // Every journey signs in from 127.0.0.1: lift the per-address limit; the per-account lockout stays on.
  appendFileSync(
    join(dataDir, 'homeward.toml'),
    '\n[security]\nlogin_failures_per_address = 1000\n',
    {
      mode: 0o600,
    },
  );

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = openSync(logFile, 'a');
  const server = spawn(
    bin,
    ['serve', '--data', dataDir, '--listen', `127.0.0.1:${port}`, '--ui', ui],
    {
      env: { ...process.env, HOMEWARD_LOGIN_RATE_PER_ADDRESS: '1000' },
      stdio: ['ignore', log, log],
    },
  );

  const teardown = async () => {
    await stop(server);
    if (process.env.HOMEWARD_E2E_KEEP) console.log(`e2e: kept ${tmp} (server log: ${logFile})`);
    else rmSync(tmp, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, server, logFile);

    // One account per journey, so that a lockout or a TOTP enrolment never leaks into another journey.
    const api = new ApiClient(url);
    await api.login(admin);
    const offices = await api.request<{ items: { id: string }[] }>('GET', '/offices?limit=1');
    const officeId = offices.items[0]?.id;
    if (!officeId) throw new Error('no office after init');
    const suffix = randomBytes(3).toString('hex');
    const make = async (name: string, roles: string[], office = officeId): Promise<E2EUser> => {
      const user = { username: `e2e_${name}_${suffix}`, password: password() };
      await api.request('POST', '/users', {
        username: user.username,
        password: user.password,
        roles,
        office_id: office,
        display_name: `E2E ${name}`,
      });
      return user;
    };
    // A second office, for journeys that check one office cannot see another's records.
    const otherOffice = await api.request<{ id: string }>('POST', '/offices', {
      name: `E2E Other ${suffix}`,
      code: `E2E-OTH-${suffix.toUpperCase()}`,
      country: 'KE',
    });
    const users: E2EUsers = {
      admin,
      auditor: await make('auditor', ['auditor']),
      wrongPassword: await make('wrongpw', ['auditor']),
      lockout: await make('lockout', ['auditor']),
      totp: await make('totp', ['caseworker']),
      expiry: await make('expiry', ['auditor']),
      arabic: await make('arabic', ['auditor']),
      caseworker: await make('caseworker', ['caseworker']),
      otherCaseworker: await make('othercw', ['caseworker'], otherOffice.id),
      intakeCaseworker: await make('intakecw', ['caseworker']),
      supervisor: await make('supervisor', ['supervisor']),
      shelterManager: await make('sheltermgr', ['shelter_manager']),
      shelterCaseworker: await make('sheltercw', ['caseworker']),
      shelterIntake: await make('shelterintake', ['shelter_manager', 'caseworker']),
      assessor: await make('assessor', ['programme_manager']),
    };

    process.env.HOMEWARD_URL = url;
    process.env.HOMEWARD_E2E_USERS = JSON.stringify(users);
    process.env.HOMEWARD_E2E_LOG = logFile;
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
