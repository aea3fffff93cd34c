import { version } from '../../../package.json';
import { runMcp } from './server';

// dist/mcp.js: started by `planmark mcp` (a bundle of its own, so that the MCP SDK
// costs the CLI's other commands nothing at start).
export function main(root: string): Promise<void> {
  return runMcp(root, version);
}
