// Entry of the PDF renderer thread. Plain JavaScript so that it starts under any loader (node,
// tsx, vitest); it registers tsx for the renderer's TypeScript modules in this thread only.
import { register } from 'tsx/esm/api';

register();
await import('./pdf-thread-loop.ts');
