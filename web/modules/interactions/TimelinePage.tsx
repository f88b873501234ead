import { Typography } from 'antd';
import { memo } from 'react';
import type { Interaction } from '../../app/types';
import { useFormat } from '../../app/useFormat';
import { dayHeading } from '../../ui/dayHeading';
import { dayIn } from '../../ui/zonedTime';
import { TimelineItem } from './TimelineItem';
import type { TimelineAction } from './useTimeline';

interface TimelinePageProps {
  items: Interaction[];
  /** When the item before this page happened (a day heading starts the page only on a new day). */
  previousAt: string | null;
  /** Whether this page ends the timeline (its last item draws no line down). */
  endsFeed: boolean;
  /** Edit or delete an item (one stable handler for the whole timeline). */
  onAction: (action: TimelineAction, item: Interaction) => void;
}

/**
 * One loaded page of a timeline. Pages are memoized: loading the next page renders that page alone, so a
 * timeline of thousands of items stays as quick as its newest page.
 */
export const TimelinePage = memo(function TimelinePage({ items, previousAt, endsFeed, onAction }: TimelinePageProps) {
  const format = useFormat();
  let previousDay = previousAt ? dayIn(new Date(previousAt), format.timeZone) : null;
  return items.map((item, i) => {
    const day = dayIn(new Date(item.occurredAt), format.timeZone);
    const newDay = day !== previousDay;
    previousDay = day;
    return (
      <div key={item.id}>
        {newDay && (
          <Typography.Text type="secondary" strong style={{ display: 'block', fontSize: 12, margin: '4px 0 12px' }} data-testid="timeline-day">
            {dayHeading(item.occurredAt, format)}
          </Typography.Text>
        )}
        <TimelineItem item={item} last={endsFeed && i === items.length - 1} onAction={onAction} />
      </div>
    );
  });
});
