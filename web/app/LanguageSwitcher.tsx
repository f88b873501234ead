import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from './i18n';
import { useLanguage } from './useLanguage';

interface LanguageSwitcherProps {
  /** Icon only (narrow headers). */
  compact?: boolean;
}

/** 简体中文 / 繁體中文 / English. */
export function LanguageSwitcher({ compact = false }: LanguageSwitcherProps) {
  const { t } = useTranslation();
  const { language, change } = useLanguage();
  const current = LANGUAGES.find((l) => l.code === language) ?? LANGUAGES[2];
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [language],
        items: LANGUAGES.map((l) => ({
          key: l.code,
          label: (
            <span data-testid={`lang-${l.code}`} lang={l.code}>
              {l.label}
            </span>
          ),
        })),
        onClick: ({ key }) => void change(key as typeof language),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} data-testid="lang-switch" aria-label={t('nav.language')}>
        {compact ? null : current.label}
      </Button>
    </Dropdown>
  );
}
