import { Logger } from '@nestjs/common';
import type { PinoLogger } from 'nestjs-pino';
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
      const bindings = { namespace: nsp.name, socketId: socket.id, requestId: socketRequestId(socket) };
      socket.use((_packet, nextPacket) => logger.runInContext(() => nextPacket(), { bindings }));
      socket.on('disconnect', (reason) => logger.runInContext(() => log.debug(`${nsp.name}: disconnected (${reason})`), { bindings }));
      logger.runInContext(() => next(), { bindings });
    });
    nsp.on('connection', () => log.debug(`${nsp.name}: connected`));
  };
  bind(server.of('/'));
  server.on('new_namespace', bind);
}
