/**
 * The signed-in user, as the UI knows it. GET /me on load restores a session after a reload; login, logout and
 * an expired session all go through `setSession` so every screen sees the same state.
 */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest, isApiError, setCsrfToken } from './api';
import { userSchema, type User } from './schemas';

export const sessionSchema = z.object({ user: userSchema, csrf_token: z.string().min(1) });
export type SessionAnswer = z.infer<typeof sessionSchema>;

/** Why the user is looking at the login page, if the UI knows. */
export type SessionNotice = 'expired' | 'signed_out' | null;

export interface SessionState {
  user: User | null;
  notice: SessionNotice;
}

export const sessionQueryKey = ['session'] as const;

// Only a flag, never a name or token: it lets a reload tell "your session expired" apart from "never signed in".
const HINT_KEY = 'homeward.signed_in';

function readHint(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return false;
  }
}

function writeHint(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // Storage may be disabled; the hint is a nicety.
  }
}

export async function fetchSession(): Promise<SessionState> {
  try {
    const answer = await apiRequest('/me', { schema: sessionSchema, handleUnauthorized: false });
    setCsrfToken(answer.csrf_token);
    writeHint(true);
    return { user: answer.user, notice: null };
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      const hadSession = readHint();
      writeHint(false);
      setCsrfToken(null);
      return { user: null, notice: hadSession ? 'expired' : null };
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: fetchSession,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/** The signed-in user; only for screens rendered behind the authentication guard. */
export function useCurrentUser(): User {
  const { data } = useSession();
  if (!data?.user) throw new Error('useCurrentUser outside an authenticated route');
  return data.user;
}

/** Records a successful login (or a fresh GET /me). */
export function signIn(queryClient: QueryClient, answer: SessionAnswer): void {
  setCsrfToken(answer.csrf_token);
  writeHint(true);
  queryClient.setQueryData<SessionState>(sessionQueryKey, { user: answer.user, notice: null });
}

/** Replaces the signed-in user after the server answered with a newer copy (TOTP confirmed, profile saved). */
export function updateSessionUser(queryClient: QueryClient, user: User): void {
  queryClient.setQueryData<SessionState>(sessionQueryKey, (old) => ({
    notice: old?.notice ?? null,
    user,
  }));
}

/** Forgets the session and every cached answer: nothing personal stays in memory after a logout or expiry. */
export function signOut(queryClient: QueryClient, notice: SessionNotice): void {
  setCsrfToken(null);
  writeHint(false);
  const others = {
    predicate: (query: { queryKey: readonly unknown[] }) => query.queryKey[0] !== 'session',
  };
  void queryClient.cancelQueries(others);
  queryClient.removeQueries(others);
  queryClient.getMutationCache().clear();
  queryClient.setQueryData<SessionState>(sessionQueryKey, { user: null, notice });
}
