import { Tag } from 'antd';

/** A record's tags, compact. */
export function TagList({ tags }: { tags?: readonly string[] | null }) {
  if (!tags?.length) return null;
  return (
    <span data-testid="tag-list">
      {tags.map((tag) => (
        <Tag key={tag} color="geekblue" style={{ marginInlineEnd: 4 }}>
          {tag}
        </Tag>
      ))}
    </span>
  );
}
