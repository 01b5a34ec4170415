import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { onApiEvent } from '@/lib/api';
import { paths } from '@/lib/paths';
import { sessionQueryKey, signOut } from '@/lib/session';

/**
 * Turns session-level API answers into navigation: any 401 ends the session in the UI (the guard then shows the
 * login page with "your session has expired"), and a 403 totp_enrolment_required sends the user to enrolment.
 */
export function Root() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  useEffect(
    () =>
      onApiEvent((event) => {
        if (event.type === 'unauthorized') {
          signOut(queryClient, 'expired');
        } else {
          void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
          void navigate(paths.twoFactor, { replace: true });
        }
      }),
    [queryClient, navigate],
  );

  return <Outlet />;
}
