import { useMutation } from '@tanstack/react-query';
import { App, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { problemText } from './PipelineBoard';
import { stageName } from './salesFormat';
import type { Opportunity, Pipeline, Stage } from './types';
import { useCloseDeal } from './useCloseDeal';
import { useOpportunitiesChanged } from './useSales';

interface StagePathProps {
  deal: Opportunity;
  pipeline: Pipeline;
  /** Whether the caller may change the deal (then a click on a stage moves it there). */
  mayMove: boolean;
}

/** The pipeline's stages with the deal's current one; clicking a stage moves the deal (won and lost ask why first). */
export function StagePath({ deal, pipeline, mayMove }: StagePathProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useOpportunitiesChanged();
  const closing = useCloseDeal();
  const move = useMutation({
    mutationFn: (stage: Stage) => api.patch<Opportunity>(`/opportunities/${deal.id}`, { stageId: stage.id }),
    onSuccess: (_, stage) => {
      message.success(t('sales.moved', { name: deal.name, stage: stageName(stage, t) }));
      changed();
    },
    onError: (err, stage) => message.error(t('sales.board.moveFailed', { name: deal.name, stage: stageName(stage, t), reason: problemText(err) })),
  });
  const current = pipeline.stages.findIndex((s) => s.id === deal.stageId);

  const onChange = (index: number) => {
    const stage = pipeline.stages[index];
    if (!stage || stage.id === deal.stageId || move.isPending) return;
    if (stage.kind === 'open') move.mutate(stage);
    else closing.ask(deal, stage);
  };

  return (
    <>
      <Steps
        type="navigation"
        size="small"
        current={current}
        status={deal.status === 'lost' ? 'error' : deal.status === 'won' ? 'finish' : 'process'}
        onChange={mayMove ? onChange : undefined}
        data-testid="stage-path"
        items={pipeline.stages.map((stage) => ({
          key: stage.id,
          title: <span data-testid={`stage-step-${stage.key ?? stage.id}`}>{stageName(stage, t)}</span>,
          content: `${stage.probability}%`,
        }))}
      />
      {closing.dialog}
    </>
  );
}
