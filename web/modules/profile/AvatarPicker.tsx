import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { UserAvatar } from '../../app/UserAvatar';
import { resizeImage } from '../../ui/resizeImage';

interface AvatarPickerProps {
  /** Data URL of the photo, or null. Controlled by Form.Item. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  name: string;
}

/** Photo: any image, cropped and scaled to 128×128 in the browser, kept as a data URL. */
export function AvatarPicker({ value, onChange, name }: AvatarPickerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Flex align="center" gap={16} wrap>
      <UserAvatar user={{ name, avatar: value ?? null }} size={64} />
      <Upload
        accept="image/*"
        showUploadList={false}
        beforeUpload={(file) => {
          resizeImage(file, 128)
            .then((dataUrl) => onChange?.(dataUrl))
            .catch(() => message.error(t('profile.photoUnreadable')));
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} data-testid="avatar-upload">
          {t('profile.photoUpload')}
        </Button>
      </Upload>
      {value && (
        <Button icon={<DeleteOutlined />} onClick={() => onChange?.(null)}>
          {t('profile.photoRemove')}
        </Button>
      )}
    </Flex>
  );
}
