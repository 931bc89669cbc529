import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { COLLAB_NAMESPACE, CollabErrorEvent } from '@omnibus/shared';
import type { Namespace, Socket } from 'socket.io';
import { AppError } from '../common/app-error';
import { CollabService } from './collab.service';

/** What a refused handshake tells the client, in `connect_error`'s `data`. */
function connectError(err: unknown): Error & { data: CollabErrorEvent } {
  const body: CollabErrorEvent =
    err instanceof AppError
      ? { error: err.code, message: err.message }
      : { error: 'internal', message: 'The server could not open this draft for co-editing. Try again.' };
  return Object.assign(new Error(body.message), { data: body });
}

/**
 * Real-time co-editing on socket.io: namespace `/collab`, event `yjs`, y-websocket framing. Thin:
 * the handshake and each socket go to CollabService, frames to the draft's room.
 */
@WebSocketGateway({ namespace: COLLAB_NAMESPACE })
export class CollabGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<Socket> {
  private readonly logger = new Logger('CollabGateway');

  constructor(private readonly collab: CollabService) {}

  afterInit(nsp: Namespace): void {
    this.collab.attach(nsp);
    nsp.use((socket, next) => {
      this.collab.authenticate(socket).then(
        () => next(),
        (err: unknown) => {
          if (!(err instanceof AppError)) this.logger.error(`handshake failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
          next(connectError(err));
        },
      );
    });
  }

  handleConnection(socket: Socket): void {
    this.collab.connect(socket);
  }
}
