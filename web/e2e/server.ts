/** Talks to the API from Node, for setting up journeys: a tiny cookie-aware client. */
import { totp } from './totp';

export interface E2EUser {
  username: string;
  password: string;
}

export interface E2EUsers {
  admin: E2EUser;
  auditor: E2EUser;
  wrongPassword: E2EUser;
  lockout: E2EUser;
  totp: E2EUser;
  expiry: E2EUser;
  arabic: E2EUser;
  /** A caseworker of the default office (enrols TOTP in its journey). */
  caseworker: E2EUser;
  /** A caseworker of another office, made for the cases journey: it must not see the first office's cases. */
  otherCaseworker: E2EUser;
  /** A caseworker of the default office for the intake-to-closure journey (enrols TOTP in it). */
  intakeCaseworker: E2EUser;
  /** A supervisor of the default office: approves closures (enrols TOTP in its journey). */
  supervisor: E2EUser;
  /** A shelter manager of the default office: registers a shelter, admits and discharges (enrols TOTP). */
  shelterManager: E2EUser;
  /** A caseworker of the default office who registers, through the API, the cases the shelter admits. */
  shelterCaseworker: E2EUser;
  /** A shelter manager who also works on cases (`read:case`): finds the case to admit by number or name. */
  shelterIntake: E2EUser;
  /** A programme manager (organisation scope, no second factor): assesses shelters. */
  assessor: E2EUser;
}

export class ApiClient {
  private cookie = '';
  private csrf = '';

  constructor(private readonly baseUrl: string) {}

  async login(user: E2EUser): Promise<void> {
    const response = await fetch(`${this.baseUrl}/api/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: user.password }),
    });
    if (response.status !== 200) {
      throw new Error(
        `login as ${user.username}: HTTP ${response.status} ${await response.text()}`,
      );
    }
    const setCookie = response.headers.get('set-cookie') ?? '';
    const match = /hw_session=([^;]+)/.exec(setCookie);
    if (!match)
      throw new Error(`login as ${user.username}: no hw_session cookie in "${setCookie}"`);
    this.cookie = `hw_session=${match[1]}`;
    const body = (await response.json()) as { csrf_token: string };
    this.csrf = body.csrf_token;
  }

  /**
   * Turns on a second factor for the signed-in account (a role that sees personal data gets a restricted
   * session until it has one): starts enrolment and confirms it with a code computed here.
   */
  async enrolTotp(): Promise<string> {
    const { secret } = await this.request<{ secret: string }>('POST', '/me/totp', {});
    await this.request('POST', '/me/totp/confirm', { code: totp(secret) });
    return secret;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        Cookie: this.cookie,
        'X-CSRF-Token': this.csrf,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

export function e2eEnv(): { baseUrl: string; users: E2EUsers } {
  const baseUrl = process.env.HOMEWARD_URL;
  const users = process.env.HOMEWARD_E2E_USERS;
  if (!baseUrl || !users)
    throw new Error('HOMEWARD_URL / HOMEWARD_E2E_USERS unset: run through playwright test');
  return { baseUrl, users: JSON.parse(users) as E2EUsers };
}
