/** The server's (or the form's) sentence about what went wrong, announced to screen readers; nothing when all is well. */
export function ErrorLine({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error}
    </p>
  );
}
