import { useEffect, useState } from 'react';

/** Placeholder until the negotiation room lands: shows that the API answers. */
export function App() {
  const [status, setStatus] = useState('checking…');
  useEffect(() => {
    fetch('/api/health')
      .then((r) => r.json() as Promise<{ status: string }>)
      .then((b) => setStatus(b.status))
      .catch(() => setStatus('unreachable'));
  }, []);
  return (
    <main>
      <h1>Omnibus</h1>
      <p>API: {status}</p>
    </main>
  );
}
