import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { Article, ArticleHit, ArticleListItem, ArticleVersion, KbCategory } from './types';

export function useKbCategories() {
  return useQuery({ queryKey: ['/knowledge/categories'], queryFn: ({ signal }) => api.get<{ data: KbCategory[] }>('/knowledge/categories', undefined, signal).then((r) => r.data) });
}

export function useArticles(categoryId: string | null, language: string) {
  return useQuery({
    queryKey: ['/knowledge/articles', categoryId, language],
    queryFn: ({ signal }) =>
      api.get<{ data: ArticleListItem[] }>('/knowledge/articles', { language, limit: 200, filter: categoryId ? `categoryId:eq:${categoryId}` : undefined }, signal).then((r) => r.data),
  });
}

export function useArticleSearch(q: string, language: string, categoryId: string | null) {
  return useQuery({
    queryKey: ['/knowledge/search', q, language, categoryId],
    enabled: q.trim().length > 0,
    queryFn: ({ signal }) => api.get<{ data: ArticleHit[] }>('/knowledge/search', { q, language, categoryId }, signal).then((r) => r.data),
  });
}

export function useArticle(id: string | null) {
  return useQuery({ queryKey: ['/knowledge/articles', id], enabled: Boolean(id), queryFn: ({ signal }) => api.get<Article>(`/knowledge/articles/${id}`, undefined, signal) });
}

export function useArticleVersions(id: string | null) {
  return useQuery({ queryKey: ['/knowledge/articles', id, 'versions'], enabled: Boolean(id), queryFn: ({ signal }) => api.get<{ data: ArticleVersion[] }>(`/knowledge/articles/${id}/versions`, undefined, signal).then((r) => r.data) });
}

/** After any change: lists, search results and the article itself are stale. */
export function useKnowledgeChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['/knowledge/articles'] });
    void queryClient.invalidateQueries({ queryKey: ['/knowledge/search'] });
    void queryClient.invalidateQueries({ queryKey: ['/knowledge/categories'] });
  };
}

/** Published articles that may answer a case, from its subject and description. */
export function useSuggestedArticles(text: string) {
  return useQuery({
    queryKey: ['/knowledge/search', 'suggest', text],
    enabled: text.trim().length > 0,
    queryFn: ({ signal }) => api.get<{ data: ArticleHit[] }>('/knowledge/suggest', { text: text.slice(0, 5000), limit: 5 }, signal).then((r) => r.data),
  });
}
