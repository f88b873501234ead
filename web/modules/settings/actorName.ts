import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../app/types';

/** Who made an audit entry: the member's name, else "API key", else the start of the user id, else "System". */
export function actorName(entry: AuditEntry, t: TFunction): string {
  if (entry.actorName) return entry.actorName;
  if (entry.actorApiKeyId) return t('audit.apiKey');
  return entry.actorUserId ? entry.actorUserId.slice(0, 8) : t('audit.system');
}
