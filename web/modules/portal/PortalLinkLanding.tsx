import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../app/api';
import { homeKey, portalPath, usePortalKey } from './usePortal';

/** /portal/:key/link/:token — the mailed link: signs in once, then home. */
export function PortalLinkLanding() {
  const { t } = useTranslation();
  const key = usePortalKey();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const use = useMutation({
    mutationFn: () => api.post(`${portalPath(key)}/sign-in-link/use`, { token }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: homeKey(key) });
      void navigate(`/portal/${key}`, { replace: true });
    },
  });
  const { mutate } = use;
  // Once per page load (not again on a development double render): the token works once.
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    mutate();
  }, [mutate]);
  if (use.error)
    return (
      <Result
        status="warning"
        title={t('portal.link.failed')}
        subTitle={use.error.message}
        extra={
          <Link to={`/portal/${key}/sign-in`}>
            <Button type="primary">{t('portal.link.again')}</Button>
          </Link>
        }
        data-testid="portal-link-failed"
      />
    );
  return <Spin tip={t('portal.link.signingIn')} size="large" style={{ display: 'block', padding: 64 }} />;
}
