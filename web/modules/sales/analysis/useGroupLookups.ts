import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useMembers } from '../../../app/useMembers';
import { pipelineName, reasonName } from '../salesFormat';
import { useCloseReasons, usePipelines } from '../useSales';
import type { GroupLookups } from './groupNames';

export interface Team {
  id: string;
  name: string;
  managerId: string | null;
  region: string | null;
  memberCount: number;
}

export function useTeams() {
  return useQuery({ queryKey: ['/teams'], queryFn: ({ signal }) => api.get<{ data: Team[] }>('/teams', undefined, signal), select: (r) => r.data, staleTime: 5 * 60_000 });
}

/** Names for the ids in analysis rows (archived pipelines and inactive reasons included: old deals use them). */
export function useGroupLookups(): GroupLookups {
  const { t } = useTranslation();
  const { byId } = useMembers();
  const teams = useTeams();
  const reasons = useCloseReasons(true);
  const pipelines = usePipelines(true);
  return useMemo(() => {
    const teamById = new Map((teams.data ?? []).map((x) => [x.id, x.name]));
    const reasonById = new Map((reasons.data ?? []).map((r) => [r.id, reasonName(r, t)]));
    const pipelineById = new Map((pipelines.data ?? []).map((p) => [p.id, pipelineName(p, t)]));
    return { member: (id) => byId.get(id)?.name, team: (id) => teamById.get(id), reason: (id) => reasonById.get(id), pipeline: (id) => pipelineById.get(id) };
  }, [byId, teams.data, reasons.data, pipelines.data, t]);
}
