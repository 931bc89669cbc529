import { useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints';
import { errorMessage } from '../../api/http';
import { sessionStore } from './session';
import { ErrorLine } from '../draft/ErrorLine';
import { LanguageMenu, useT } from '../../i18n';

export function SignIn() {
  const t = useT('auth');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(sessionStore.notice());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await api.login(username.trim(), password);
      sessionStore.signIn(res);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <main className="signin">
      <form className="signin-card" onSubmit={(e) => void submit(e)} aria-labelledby="signin-title">
        <h1 id="signin-title">Omnibus</h1>
        <p className="muted">{t('tagline')}</p>
        <LanguageMenu />
        <label>
          {t('username')}
          <input name="username" autoComplete="username" autoFocus required value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          {t('password')}
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <ErrorLine error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </main>
  );
}
