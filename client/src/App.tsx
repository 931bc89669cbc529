import { SignIn } from './features/auth/SignIn';
import { useSession } from './features/auth/session';
import { Room } from './features/layout/Room';

export function App() {
  const session = useSession();
  // Keyed by user so that signing in as someone else starts from a clean room.
  return session ? <Room key={session.user.id} session={session} /> : <SignIn />;
}
