"""mcpgen: generate Model Context Protocol code from specifications."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from .diagnostics import Diagnostic, MCPGenError

if TYPE_CHECKING:
    from .contract.generate import generate_contract_server
    from .models.generate import generate_models
    from .openapi.generate import generate_server

__all__ = [
    "Diagnostic",
    "MCPGenError",
    "__version__",
    "generate_contract_server",
    "generate_models",
    "generate_server",
]


def __getattr__(name: str) -> Any:
    # Generators are imported on first use, so that `mcpgen --help` and each command
    # load only what they need.
    if name == "generate_models":
        from .models.generate import generate_models

        return generate_models
    if name == "generate_server":
        from .openapi.generate import generate_server

        return generate_server
    if name == "generate_contract_server":
        from .contract.generate import generate_contract_server

        return generate_contract_server
    raise AttributeError(f"module 'mcpgen' has no attribute {name!r}")
