import { useQuery } from '@tanstack/react-query';
import { Col, Form, Input, InputNumber, Modal, Row, Select, Switch, TreeSelect, type ButtonProps } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import type { Page } from '../../../app/types';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { FormAlert } from '../../../ui/FormAlert';
import type { Product } from '../../catalog/types';
import { categoryTree, useCategories } from '../../catalog/useCategories';
import type { Station } from './types';
import { useFieldChanged } from './useField';

type Values = Pick<Station, 'name' | 'province' | 'city' | 'address' | 'latitude' | 'longitude' | 'productIds' | 'categoryIds' | 'capacity' | 'active' | 'phone'>;

/** Adds a station, or changes one: where it is, what it repairs, how much it takes at once. */
export function StationFormModal({ open, station, onClose }: { open: boolean; station?: Station; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const changed = useFieldChanged();
  const products = useQuery({ queryKey: ['/products', 'station-picker'], enabled: open, queryFn: ({ signal }) => api.get<Page<Product>>('/products', { limit: 200, sort: 'name' }, signal).then((r) => r.data) });
  const categories = useCategories();
  useEffect(() => {
    if (open) form.setFieldsValue(station ?? { capacity: 5, active: true, productIds: [], categoryIds: [] });
  }, [open, station, form]);
  const { submit, pending, error, reset } = useFormSubmit<Values, Station>(
    form,
    (values) => {
      const body = { ...values, city: values.city || null, address: values.address || null, phone: values.phone || null, latitude: values.latitude ?? null, longitude: values.longitude ?? null };
      return station ? api.patch<Station>(`/service-stations/${station.id}`, body) : api.post<Station>('/service-stations', body);
    },
    () => {
      changed();
      form.resetFields();
      onClose();
    },
  );
  return (
    <Modal
      open={open}
      title={station ? t('field.stations.edit') : t('field.stations.add')}
      okText={t('common.save')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={() => {
        reset();
        onClose();
      }}
      okButtonProps={{ 'data-testid': 'station-save' } as ButtonProps}
      destroyOnHidden
      width={640}
    >
      <FormAlert message={error} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="station-form">
        <Form.Item name="name" label={t('field.stations.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} data-testid="station-name" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="province" label={t('field.stations.province')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={100} data-testid="station-province" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="city" label={t('field.stations.city')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t('field.fields.address')}>
          <Input maxLength={500} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="latitude" label={t('field.stations.latitude')} tooltip={t('field.stations.pointHint')}>
              <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="longitude" label={t('field.stations.longitude')}>
              <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="capacity" label={t('field.stations.capacity')} tooltip={t('field.stations.capacityHint')} rules={[{ required: true }]}>
              <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} data-testid="station-capacity" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="productIds" label={t('field.stations.products')} tooltip={t('field.stations.skillHint')}>
          <Select mode="multiple" allowClear optionFilterProp="label" options={(products.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.sku})` }))} />
        </Form.Item>
        <Form.Item name="categoryIds" label={t('field.stations.categories')}>
          <TreeSelect multiple allowClear treeDefaultExpandAll treeData={categoryTree(categories.data ?? [])} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="phone" label={t('field.stations.phone')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="active" label={t('field.stations.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
