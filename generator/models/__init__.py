"""MCP's own JSON schemas -> typed pydantic message models."""
