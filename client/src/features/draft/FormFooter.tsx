import { useT } from '../../i18n';
import { ErrorLine } from './ErrorLine';

/** The end of a panel form: the problem in words when there is one, the one action, and Cancel. */
export function FormFooter({ error, busy, submit, onCancel }: { error: string | null; busy: boolean; submit: string; onCancel: () => void }) {
  const t = useT('draft');
  return (
    <>
      <ErrorLine error={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {submit}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
      </div>
    </>
  );
}
