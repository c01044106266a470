/** Names and badges shared by the sections of the record screen. */
import { useTranslation } from 'react-i18next';

/** The badge saying that a section is seen by every member of the process. */
export function SharedLabel() {
  const { t } = useTranslation();
  return <span className="badge badge-shared">{t('record.sharedWithAll')}</span>;
}
