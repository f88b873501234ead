import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseDealModal } from './CloseDealModal';
import type { Opportunity, Stage } from './types';
import { useOpportunitiesChanged } from './useSales';

/** Moving a deal to a won or lost stage: `ask` opens the reason dialog, `dialog` is to be rendered; saving moves it. */
export function useCloseDeal() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useOpportunitiesChanged();
  const [move, setMove] = useState<{ deal: Opportunity; stage: Stage } | null>(null);
  const dialog = (
    <CloseDealModal
      move={move}
      onClose={() => setMove(null)}
      onMoved={(deal) => {
        setMove(null);
        message.success(t(deal.status === 'won' ? 'sales.close.wonDone' : 'sales.close.lostDone', { name: deal.name }));
        changed();
      }}
    />
  );
  return { ask: (deal: Opportunity, stage: Stage) => setMove({ deal, stage }), dialog };
}
