/** DELETE /session — sign out; the server kills the token and clears the cookie. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, isApiError } from '@/lib/api';
import { signOut } from '@/lib/session';

export function deleteSession(): Promise<void> {
  return apiRequest('/session', { method: 'DELETE', handleUnauthorized: false });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSession,
    onSuccess: () => signOut(queryClient, 'signed_out'),
    onError: (error) => {
      // Already dead on the server: the outcome the user asked for. Any other failure leaves the session
      // alive there, so the UI stays signed in and says so rather than pretending.
      if (isApiError(error) && error.status === 401) signOut(queryClient, 'signed_out');
    },
  });
}
