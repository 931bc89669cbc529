import type { ManagerOptions } from 'socket.io-client';

/**
 * How the page's sockets (`/collab` and `/live`, which share one connection per server) connect: a
 * WebSocket at once, and long-polling only if that fails to open (a proxy that does not pass WebSocket
 * upgrades). socket.io's default starts with long-polling and upgrades afterwards, which costs a
 * person opening the draft several round trips before the first byte of it, and sends the draft
 * base64-encoded over HTTP if it is asked for before the upgrade.
 */
export const SOCKET_TRANSPORTS: Pick<ManagerOptions, 'transports' | 'tryAllTransports'> = {
  transports: ['websocket', 'polling'],
  tryAllTransports: true,
};
