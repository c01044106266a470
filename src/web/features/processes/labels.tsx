/** Human, translated names for statuses and roles (never the raw enum values). */
import { useTranslation } from 'react-i18next';
import type { PartyStatus, ProcessStatus, Role } from '../../api/types.js';

/** A process status as a badge; the colour repeats what the text says. */
export function StatusBadge({ status }: { status: ProcessStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-status status-${status}`}>{t(`processStatus.${status}`)}</span>
  );
}

/** A party's standing as a badge. */
export function PartyStatusBadge({ status }: { status: PartyStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-status party-${status}`}>{t(`partyStatus.${status}`)}</span>;
}

/** Names a role, with the party's code for delegation roles. */
export function useRoleName(): (role: Role, partyCode?: string | null) => string {
  const { t } = useTranslation();
  return (role, partyCode) =>
    partyCode
      ? t('roleWithParty', { role: t(`role.${role}`), party: partyCode })
      : t(`role.${role}`);
}
