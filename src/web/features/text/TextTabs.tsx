/** The sub-navigation of the negotiating text: the text, its versions and changes, amendments. */
import { useTranslation } from 'react-i18next';
import { Link } from '../../router.js';
import { useProcess } from '../processes/ProcessContext.js';

/** The tabs under the text's page title. */
export function TextTabs() {
  const { t } = useTranslation();
  const { view } = useProcess();
  const base = `/processes/${view.process.id}/text`;
  return (
    <nav className="subnav" aria-label={t('text.sections')}>
      <ul>
        <li>
          <Link to={base} current="exact">
            {t('text.tabText')}
          </Link>
        </li>
        <li>
          <Link to={`${base}/versions`} current="prefix">
            {t('text.tabVersions')}
          </Link>
        </li>
        <li>
          <Link to={`${base}/amendments`} current="prefix">
            {t('text.tabAmendments')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
