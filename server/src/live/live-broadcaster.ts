import { Injectable } from '@nestjs/common';
import type { LiveEventName, LivePayload } from '@omnibus/shared';
import type { Namespace } from 'socket.io';

export const liveRoom = (draftId: string): string => `draft:${draftId}`;

/**
 * The one way services speak to the room: after their transaction commits they hand an event to
 * this broadcaster, which socket.io encodes once and writes to every socket of the draft.
 */
@Injectable()
export class LiveBroadcaster {
  private namespace: Namespace | null = null;

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  emit<E extends LiveEventName>(draftId: string, event: E, payload: LivePayload<E>): void {
    this.namespace?.to(liveRoom(draftId)).emit(event, payload);
  }
}
