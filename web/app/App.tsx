import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router-dom';
import { AntdProvider } from './AntdProvider';
import { queryClient } from './queryClient';
import { router } from './router';

/** The whole app: server state, Ant Design in the UI language, and the router. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AntdProvider>
        <RouterProvider router={router} />
      </AntdProvider>
    </QueryClientProvider>
  );
}
