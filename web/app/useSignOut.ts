import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api } from './api';

/** Ends the session, forgets all server state of this user and goes to the sign-in page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    try {
      await api.post('/auth/sign-out');
    } finally {
      queryClient.clear();
      void navigate('/sign-in', { replace: true });
    }
  };
}
