/**
 * Where the guides and paths are read from. Tests and the benchmark point
 * MFG_CONTENT_DIR at a fixture site's or a synthetic corpus's content.
 */
export const CONTENT_DIR = process.env.MFG_CONTENT_DIR ?? './content';
