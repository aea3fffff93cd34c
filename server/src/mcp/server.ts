import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { inputShapes, outputShapes, TOOL_DESCRIPTIONS, TOOL_NAMES, type ToolResult } from '../agents/planTools';
import { PlanToolHost } from '../node/planToolHost';

// `planmark mcp`: the agent tools as an MCP server over stdio, rooted at the
// folder it is started in. Each result carries structuredContent (checked
// against the tool's output schema by the SDK) and a short text; a refusal is
// an isError result whose text says why. Nothing but the protocol goes to stdout.

export function createMcpServer(root: string, version: string): McpServer {
  const server = new McpServer({ name: 'planmark', version });
  const host = new PlanToolHost(root);
  for (const name of TOOL_NAMES) {
    const writes = name === 'plan_complete_task';
    server.registerTool(
      name,
      {
        ...TOOL_DESCRIPTIONS[name],
        inputSchema: inputShapes[name],
        outputSchema: outputShapes[name],
        annotations: { readOnlyHint: !writes, destructiveHint: false, idempotentHint: true, openWorldHint: false },
      },
      async (args: unknown) => toCallResult(await host.call(name, args)),
    );
  }
  return server;
}

function toCallResult(result: ToolResult): CallToolResult {
  if (!result.ok) return { isError: true, content: [{ type: 'text', text: result.reason }] };
  return { content: [{ type: 'text', text: result.text }], structuredContent: result.data };
}

/** Serves until stdin closes. */
export async function runMcp(root: string, version: string): Promise<void> {
  const server = createMcpServer(root, version);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => (transport.onclose = resolve));
  await server.connect(transport);
  process.stdin.on('end', () => void server.close());
  await closed;
}
