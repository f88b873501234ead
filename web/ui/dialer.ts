import { createContext } from 'react';

/**
 * How phone numbers are dialled on this page: provided by the app (the calls module) when the workspace's
 * phone system places calls; without it, phone links are plain `tel:` links.
 */
export interface Dialer {
  dial(phone: string): void;
}

export const DialerContext = createContext<Dialer | null>(null);
