import * as encoding from 'lib0/encoding';

/*
 * y-websocket frames built by hand, for sending what no stock client would. Message and
 * sync types are y-websocket's (the server uses the same numbers).
 */

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

export function syncStep1Frame(stateVector: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint8Array(e, stateVector);
  });
}

export function updateFrame(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
  });
}

export interface PresenceEntry {
  clientId: number;
  clock: number;
  /** The JSON text of the state, sent as is ('null' removes it). */
  json: string;
}

export function awarenessFrame(entries: readonly PresenceEntry[]): Uint8Array {
  const inner = frame((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(e, entry.clientId);
      encoding.writeVarUint(e, entry.clock);
      encoding.writeVarString(e, entry.json);
    }
  });
  return frame((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, inner);
  });
}

export function queryAwarenessFrame(): Uint8Array {
  return Uint8Array.of(3);
}

export function authFrame(text: string): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, text);
  });
}

/** A state vector claiming `entries` clients (random ids and clocks), as sync step 1 carries it. */
export function stateVectorOf(entries: ReadonlyArray<readonly [client: number, clock: number]>): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const [client, clock] of entries) {
      encoding.writeVarUint(e, client);
      encoding.writeVarUint(e, clock);
    }
  });
}
