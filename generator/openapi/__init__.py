"""OpenAPI documents to MCP server projects."""
