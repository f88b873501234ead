import { Form, Input, Modal, TreeSelect, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useFormSubmit } from '../../app/useFormSubmit';
import { FormAlert } from '../../ui/FormAlert';
import type { ProductCategory } from './types';
import { categoryTree, useCategories } from './useCategories';

interface CategoryValues {
  name: string;
  parentId?: string | null;
}

/** Add a category, or rename or move one: one form for both. */
export function CategoryFormModal({ open, category, onClose, onSaved }: { open: boolean; category?: ProductCategory; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const [form] = Form.useForm<CategoryValues>();
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: CategoryValues) => {
      const body = { name: values.name, parentId: values.parentId ?? null };
      return category ? api.patch(`/product-categories/${category.id}`, body) : api.post('/product-categories', body);
    },
    onSaved,
  );
  return (
    <Modal
      open={open}
      title={category ? t('catalog.categories.rename') : t('catalog.categories.add')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: pending, 'data-testid': 'category-submit' } as ButtonProps}
      onCancel={onClose}
      afterClose={reset}
      destroyOnHidden
    >
      <FormAlert message={error} />
      <Form form={form} layout="vertical" requiredMark="optional" onFinish={submit} initialValues={category ? { name: category.name, parentId: category.parentId } : {}}>
        <Form.Item name="name" label={t('catalog.name')} rules={[{ required: true, whitespace: true }]}>
          <Input autoFocus maxLength={200} data-testid="category-name" />
        </Form.Item>
        <Form.Item name="parentId" label={t('catalog.categories.parent')}>
          <TreeSelect allowClear treeDefaultExpandAll placeholder={t('catalog.categories.topLevel')} treeData={categoryTree(categories.data ?? [], category?.id)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
