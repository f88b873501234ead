import { SearchOutlined } from '@ant-design/icons';
import { Alert, Flex, Input, Spin, Typography, theme, type InputRef } from 'antd';
import { useEffect, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { canCreateRecords } from '../permissions';
import { useCurrentSession } from '../useCurrentSession';
import { recordPath } from './recordTypes';
import { SearchNoMatch } from './SearchNoMatch';
import { SearchResultItem } from './SearchResultItem';
import { useSearch } from './useSearch';

interface SearchPanelProps {
  inputRef: Ref<InputRef>;
  /** Closes the palette (after a record was opened, too). */
  onClose: () => void;
}

const optionId = (index: number) => `search-option-${index}`;

/** The search box and its hits, grouped by record type; ↑ ↓ move, Enter opens, Esc closes (the modal). */
export function SearchPanel({ inputRef, onClose }: SearchPanelProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const mayCreate = canCreateRecords(useCurrentSession().membership.role);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  // Enter pressed before the hits of the typed text arrived: act once they have.
  const [enterPending, setEnterPending] = useState(false);
  const search = useSearch(text);
  const activeIndex = Math.max(0, Math.min(active, search.flat.length - 1));
  const noMatch = search.settled && search.groups.length === 0;
  const typed = text.trim();
  const createPath = `/contacts?new=1&name=${encodeURIComponent(typed)}`;

  const go = (path: string) => {
    onClose();
    void navigate(path);
  };

  const openActive = () => {
    const hit = search.flat[activeIndex];
    const path = hit && recordPath(hit.type, hit.id);
    if (path) go(path);
    else if (noMatch && mayCreate) go(createPath);
  };

  useEffect(() => {
    if (!enterPending || !search.settled) return;
    setEnterPending(false);
    openActive();
  });

  useEffect(() => {
    document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return; // Enter that confirms a pinyin IME's choice
    const count = search.flat.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (count) setActive((activeIndex + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!typed) return;
      if (search.settled) openActive();
      else setEnterPending(true);
    }
  };

  let index = 0;
  let body;
  if (!typed) {
    body = <Typography.Paragraph type="secondary" style={{ margin: 12 }}>{t('search.hint')}</Typography.Paragraph>;
  } else if (search.error) {
    body = <Alert type="error" showIcon title={search.error.message} style={{ margin: 4 }} />;
  } else if (noMatch) {
    body = <SearchNoMatch text={typed} onCreate={mayCreate ? () => go(createPath) : undefined} />;
  } else {
    body = search.groups.map((group) => (
      <div key={group.type} role="group" aria-label={t(`resources.${group.type}`, { defaultValue: group.type })}>
        <Typography.Text
          type="secondary"
          style={{ display: 'block', padding: '8px 12px 4px', fontSize: 12, textTransform: 'uppercase', letterSpacing: 0.5 }}
        >
          {t(`resources.${group.type}`, { defaultValue: group.type })}
        </Typography.Text>
        {group.hits.map((hit) => {
          // A type without a page (yet) is shown, but there is nowhere to go.
          if (!recordPath(hit.type, hit.id)) return <SearchResultItem key={hit.id} hit={hit} query={search.q} />;
          const i = index++;
          return (
            <SearchResultItem
              key={hit.id}
              id={optionId(i)}
              hit={hit}
              query={search.q}
              active={i === activeIndex}
              onHover={() => setActive(i)}
              onOpen={onClose}
            />
          );
        })}
      </div>
    ));
  }

  return (
    <div>
      <Input
        ref={inputRef}
        autoFocus
        size="large"
        variant="borderless"
        maxLength={100}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        placeholder={t('search.placeholder')}
        prefix={<SearchOutlined style={{ color: token.colorTextTertiary }} />}
        // Always a suffix: adding one later would remount the input and lose the focus.
        suffix={<span style={{ width: 16 }}>{search.loading && <Spin size="small" />}</span>}
        data-testid="search-input"
        role="combobox"
        aria-label={t('search.open')}
        aria-expanded={search.flat.length > 0}
        aria-controls="search-results"
        aria-activedescendant={search.flat.length ? optionId(activeIndex) : undefined}
        // The open palette is where the focus is; a ring around the box adds nothing.
        style={{ padding: '12px 16px', outline: 'none' }}
      />
      <div
        id="search-results"
        role="listbox"
        aria-label={t('search.results')}
        style={{ borderTop: `1px solid ${token.colorBorderSecondary}`, maxHeight: 'min(420px, 60vh)', overflowY: 'auto', padding: 8 }}
      >
        {body}
      </div>
      <Flex
        gap={16}
        wrap
        style={{ borderTop: `1px solid ${token.colorBorderSecondary}`, padding: '8px 16px', fontSize: 12, color: token.colorTextSecondary }}
      >
        <span>
          <Typography.Text keyboard>↑</Typography.Text>
          <Typography.Text keyboard>↓</Typography.Text> {t('search.keys.move')}
        </span>
        <span>
          <Typography.Text keyboard>Enter</Typography.Text> {t('search.keys.open')}
        </span>
        <span>
          <Typography.Text keyboard>Esc</Typography.Text> {t('search.keys.close')}
        </span>
      </Flex>
    </div>
  );
}
