// Plain JavaScript on purpose: a worker thread does not inherit the main thread's TypeScript
// loader (tsx), so it registers tsx itself before it loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
