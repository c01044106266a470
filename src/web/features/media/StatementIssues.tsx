/** The agenda issues a confirmed statement concerns: shown as chips, and set by a writer. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { ActorStatement } from '../../api/types.js';
import { Button, CheckboxField, Disclosure, ErrorAlert } from '../../ui/components.js';
import { useAction } from '../../ui/hooks.js';
import { useProcess } from '../processes/ProcessContext.js';

/** An agenda issue as the media view needs it. */
export interface IssueRef {
  /** Issue id. */
  id: string;
  /** Its title. */
  title: string;
}

/** The statement's issues, with a disclosure to change them. */
export function StatementIssues({
  statement,
  issues,
  onDone,
}: {
  statement: ActorStatement;
  issues: IssueRef[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [chosen, setChosen] = useState<string[]>(statement.issueIds);
  const action = useAction();
  const title = (id: string) => issues.find((i) => i.id === id)?.title ?? '';
  return (
    <div className="media-statement-issues" data-testid="statement-issues">
      {statement.issueIds.length === 0 ? (
        <span className="muted small">{t('mediaIn.issues.none')}</span>
      ) : (
        statement.issueIds.map((id) => (
          <span key={id} className="chip">
            {title(id)}
          </span>
        ))
      )}
      {issues.length > 0 && (
        <Disclosure label={t('mediaIn.issues.edit')} variant="quiet">
          {(close) => (
            <fieldset className="form-inset">
              <legend>{t('mediaIn.issues.label')}</legend>
              <ErrorAlert error={action.error} />
              {issues.map((i) => (
                <CheckboxField
                  key={i.id}
                  label={i.title}
                  checked={chosen.includes(i.id)}
                  onChange={(e) =>
                    setChosen((c) =>
                      e.target.checked ? [...c, i.id] : c.filter((x) => x !== i.id),
                    )
                  }
                />
              ))}
              <Button
                pending={action.pending}
                pendingLabel={t('common.saving')}
                onClick={() =>
                  void action.run(async () => {
                    await api.media.setIssues(
                      view.process.id,
                      statement.id,
                      chosen,
                      statement.revision,
                    );
                    close();
                    onDone();
                  })
                }
              >
                {t('mediaIn.issues.save')}
              </Button>
            </fieldset>
          )}
        </Disclosure>
      )}
    </div>
  );
}
