import { PlusOutlined, SafetyCertificateOutlined, ToolOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, List, Row, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../ui/EmptyState';
import { PortalCaseStatus } from './PortalCaseStatus';
import { RequireCustomer } from './RequireCustomer';
import { usePortalKey, type PortalHome as Home, type PortalProduct } from './usePortal';
import { usePortalFormat } from './usePortalFormat';

/** /portal/:key — the customer's requests, the products they own with their warranty, and their orders. */
export function PortalHome() {
  return <RequireCustomer>{(home) => <HomeView home={home} />}</RequireCustomer>;
}

function HomeView({ home }: { home: Home }) {
  const { t } = useTranslation();
  const key = usePortalKey();
  const format = usePortalFormat();
  const base = `/portal/${key}`;
  const newCase = (
    <Link to={`${base}/cases/new`}>
      <Button type="primary" icon={<PlusOutlined />} data-testid="portal-new-case">
        {t('portal.home.newCase')}
      </Button>
    </Link>
  );
  return (
    <Flex vertical gap={16} data-testid="portal-home">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('portal.home.hello', { name: home.customer.name })}
        </Typography.Title>
        {newCase}
      </Flex>
      <Card title={t('portal.home.cases')} data-testid="portal-cases">
        {home.cases.length === 0 ? (
          <EmptyState title={t('portal.home.cases')} description={t('portal.home.noCases')} action={newCase} testId="portal-no-cases" />
        ) : (
          <Table
            rowKey="number"
            size="middle"
            pagination={home.cases.length > 10 ? { pageSize: 10 } : false}
            dataSource={home.cases}
            scroll={{ x: 560 }}
            columns={[
              { title: t('portal.case.reference'), dataIndex: 'reference', width: 120, render: (ref: string) => <Link to={`${base}/cases/${ref}`}>{ref}</Link> },
              { title: t('portal.case.subject'), dataIndex: 'subject', render: (subject: string, row) => <Link to={`${base}/cases/${row.reference}`} data-testid="portal-case-link">{subject}</Link> },
              { title: t('portal.case.status'), dataIndex: 'status', width: 130, render: (status) => <PortalCaseStatus status={status} /> },
              { title: t('portal.case.updated'), dataIndex: 'updatedAt', width: 180, render: (at: string) => format.dateTime(at) },
            ]}
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('portal.home.products')} data-testid="portal-products" style={{ height: '100%' }}>
            {home.products.length === 0 ? (
              <EmptyState title={t('portal.home.products')} description={t('portal.home.noProducts')} />
            ) : (
              <List dataSource={home.products} renderItem={(product) => <ProductItem product={product} base={base} />} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('portal.home.orders')} data-testid="portal-orders" style={{ height: '100%' }}>
            {home.orders.length === 0 ? (
              <EmptyState title={t('portal.home.orders')} description={t('portal.home.noOrders')} />
            ) : (
              <List
                dataSource={home.orders}
                renderItem={(order) => (
                  <List.Item extra={<Typography.Text strong>{format.money(order.total, order.currency)}</Typography.Text>}>
                    <List.Item.Meta
                      title={
                        <Flex gap={8} align="center">
                          {order.number}
                          <Tag>{t(`portal.orderStatus.${order.status}`)}</Tag>
                        </Flex>
                      }
                      description={`${format.day(order.orderDate)} · ${order.lines.map((l) => `${l.name} × ${format.number(l.quantity)}`).join(', ')}`}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

function ProductItem({ product, base }: { product: PortalProduct; base: string }) {
  const { t } = useTranslation();
  const format = usePortalFormat();
  const warranty = product.warrantyEndsOn
    ? product.underWarranty
      ? <Tag color="green" icon={<SafetyCertificateOutlined />}>{t('portal.product.underWarranty', { date: format.day(product.warrantyEndsOn) })}</Tag>
      : <Tag>{t('portal.product.expired', { date: format.day(product.warrantyEndsOn) })}</Tag>
    : <Tag>{t('portal.product.none')}</Tag>;
  return (
    <List.Item
      data-testid="portal-product"
      actions={[
        <Link key="repair" to={`${base}/cases/new?product=${product.productId}`}>
          <Button size="small" icon={<ToolOutlined />}>
            {t('portal.product.repair')}
          </Button>
        </Link>,
      ]}
    >
      <List.Item.Meta
        title={product.name}
        description={
          <Flex vertical gap={4} align="flex-start">
            <span>
              {product.sku} · {t('portal.product.quantity')} {format.number(product.quantity)} · {t('portal.product.purchased')} {format.day(product.lastPurchasedOn)}
            </span>
            {warranty}
          </Flex>
        }
      />
    </List.Item>
  );
}
