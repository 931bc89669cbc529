import { ErrorLine } from './ErrorLine';

/** The end of a panel form: the problem in words when there is one, the one action, and Cancel. */
export function FormFooter({ error, busy, submit, onCancel }: { error: string | null; busy: boolean; submit: string; onCancel: () => void }) {
  return (
    <>
      <ErrorLine error={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {submit}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
