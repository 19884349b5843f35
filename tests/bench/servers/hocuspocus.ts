import { startPlainNode } from './plain-node.js';
import type { ServerHandle } from './types.js';

export function startHocuspocus(): Promise<ServerHandle> {
  return startPlainNode({
    name: 'hocuspocus',
    protocol: 'hocuspocus',
    main: 'hocuspocus.main.mjs',
    notes: ['@hocuspocus/server 4.6.0, no extensions (nothing stored)'],
  });
}
