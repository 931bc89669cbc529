import { fireEvent, screen, waitFor } from '@testing-library/react';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch } from '../../test/render-room';
import { sessionStore } from './session';
import { SignIn } from './SignIn';

describe('SignIn', () => {
  it("shows the server's sentence for a wrong password", async () => {
    mockFetch(() => ({ status: 401, body: { error: 'unauthorized', message: 'The username or password is not correct.' } }));
    render(<SignIn />);
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'mex' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The username or password is not correct.');
    expect(sessionStore.get()).toBeNull();
  });

  it('keeps the session for this tab once signed in', async () => {
    const user = { id: 'u', username: 'mex', displayName: 'Delegate of Mexico', role: 'delegate', delegation: 'MEX' };
    mockFetch(() => ({ status: 200, body: { token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user } }));
    render(<SignIn />);
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: ' mex ' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'demo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(sessionStore.get()?.user).toEqual(user));
    expect(JSON.parse(sessionStorage.getItem('omnibus.session') ?? '{}').token).toBe('t');
    sessionStore.signOut();
  });
});
