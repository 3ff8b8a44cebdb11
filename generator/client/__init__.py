"""Typed MCP client stubs."""
