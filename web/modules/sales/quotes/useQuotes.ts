import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../../app/api';
import type { Quote, QuoteSettings, QuoteSummary } from './types';

/** Every version of every quote of a deal, newest quote first. */
export function useDealQuotes(dealId: string) {
  return useQuery({
    queryKey: ['/opportunities', dealId, 'quotes'],
    queryFn: ({ signal }) => api.get<{ data: QuoteSummary[] }>(`/opportunities/${dealId}/quotes`, undefined, signal).then((r) => r.data),
  });
}

export function useQuote(id: string | null) {
  return useQuery({ queryKey: ['/quotes', id], queryFn: ({ signal }) => api.get<Quote>(`/quotes/${id}`, undefined, signal), enabled: Boolean(id) });
}

export function useQuoteSettings() {
  return useQuery({ queryKey: ['/quote-settings'], queryFn: ({ signal }) => api.get<QuoteSettings>('/quote-settings', undefined, signal), staleTime: 60_000 });
}

/** After a quote changed: the deal's quote list, the quote, and the deal itself (accepting wins it). */
export function useQuotesChanged(dealId: string) {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ['/opportunities', dealId] });
    void queryClient.invalidateQueries({ queryKey: ['/quotes'] });
  }, [queryClient, dealId]);
}

/** The URL the browser downloads a quote's PDF from (the session cookie goes with it). */
export const pdfUrl = (id: string) => `/api/v1/quotes/${id}/pdf`;
