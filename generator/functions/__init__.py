"""Python functions to MCP server projects."""
