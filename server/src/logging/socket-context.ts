import { Logger } from '@nestjs/common';
import type { PinoLogger } from 'nestjs-pino';
import { storage, Store } from 'nestjs-pino/storage';
import type { Namespace, Server, Socket } from 'socket.io';
import { REQUEST_ID_HEADER, requestIdFrom } from './logger';

const requestIds = new WeakMap<Socket, string>();

/** The request id of a socket's handshake (the caller's X-Request-Id when sane, else one of its own). */
export function socketRequestId(socket: Socket): string {
  let id = requestIds.get(socket);
  if (id === undefined) {
    id = requestIdFrom(socket.handshake.headers[REQUEST_ID_HEADER]);
    requestIds.set(socket, id);
  }
  return id;
}

/**
 * Every line logged while a socket's handshake or one of its events is handled carries the
 * namespace, the socket id and the handshake's request id, as an HTTP request's lines carry its
 * request id. Installed on each namespace as it is created, before the gateways' own middleware.
 */
export function bindSocketLogs(server: Server, logger: PinoLogger): void {
  const log = new Logger('Sockets');
  const bind = (nsp: Namespace) => {
    nsp.use((socket, next) => {
      // The same asynchronous context an HTTP request's lines are written in, with the socket's bindings.
      const store = new Store(logger.logger.child({ namespace: nsp.name, socketId: socket.id, requestId: socketRequestId(socket) }));
      socket.use((_packet, nextPacket) => storage.run(store, () => nextPacket()));
      socket.on('disconnect', (reason) => storage.run(store, () => log.debug(`${nsp.name}: disconnected (${reason})`)));
      storage.run(store, () => next());
    });
    nsp.on('connection', () => log.debug(`${nsp.name}: connected`));
  };
  bind(server.of('/'));
  server.on('new_namespace', bind);
}
