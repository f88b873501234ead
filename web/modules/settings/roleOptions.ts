import type { TFunction } from 'i18next';
import { ROLES } from '../../../contracts/roles';

/** The roles as Select options, labelled in the UI language. */
export function roleOptions(t: TFunction) {
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}.label`) }));
}
