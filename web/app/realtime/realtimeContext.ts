import { createContext } from 'react';
import type { RealtimeEvent } from './realtimeSocket';

export type RealtimeHandler = (event: RealtimeEvent) => void;

export interface RealtimeState {
  /** Whether the socket is open (the server said hello). */
  open: boolean;
  /** Adds a listener for a type (`task.reminder`, `call.*`); returns its removal. */
  subscribe: (type: string, handler: { current: RealtimeHandler }) => () => void;
}

/** Outside a RealtimeProvider: never open, nothing arrives. */
export const RealtimeContext = createContext<RealtimeState>({ open: false, subscribe: () => () => undefined });
