/** Where the built site is, for end-to-end tests (npm test builds it first). */
import { join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '../..');
export const distDir = process.env.MFG_OUT_DIR ?? join(projectRoot, 'dist');
