"""The Notes server: your implementation of its contract.

mcpgen created this file once and never rewrites it. Each method overrides one of
``NotesBase`` (``base.py``, regenerated from the contract); ``@override`` lets
``mypy --strict`` tell you when the contract drops a method or changes its signature.
A method that still raises ``NotImplementedError`` answers "not implemented".
"""

from __future__ import annotations

from mcp import types
from typing_extensions import override

from . import models
from .base import NotesBase


class NotesHandlers(NotesBase):
    """Answers the contract's tools, resources and prompts."""

    @override
    async def add_note(
        self, *, title: str, body: str, tags: list[str] | None = None
    ) -> models.AddNoteOutput:
        raise NotImplementedError

    @override
    async def search_notes(self, *, query: str, limit: int = 10) -> models.SearchNotesOutput:
        raise NotImplementedError

    @override
    async def delete_note(self, *, id: int) -> list[types.ContentBlock]:
        raise NotImplementedError

    @override
    async def read_all_notes(self) -> str | bytes:
        raise NotImplementedError

    @override
    async def read_note(self, *, id: str) -> str | bytes:
        raise NotImplementedError

    @override
    async def prompt_summarize_notes(
        self, *, topic: str, style: str | None = None
    ) -> str | list[types.PromptMessage]:
        raise NotImplementedError
