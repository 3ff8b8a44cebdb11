"""Contract-first MCP servers: a contract file of tools, resources and prompts."""
