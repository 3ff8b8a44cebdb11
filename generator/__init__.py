"""mcpgen: generate Model Context Protocol code from specifications."""

from __future__ import annotations

__version__ = "0.1.0"

from .diagnostics import Diagnostic, MCPGenError
from .models.generate import generate_models

__all__ = ["Diagnostic", "MCPGenError", "__version__", "generate_models"]
