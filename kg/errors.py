"""The library's errors: a small hierarchy, each with an exit code, a message and a hint.

The CLI turns them into one line on stderr and the exit code; nothing else reaches the user.
"""

from __future__ import annotations


class KgError(Exception):
    """Base class. ``exit_code`` follows the CLI's contract: 2 for bad usage or input."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(KgError):
    """An input file cannot be read, decoded or parsed."""


class UsageError(KgError):
    """Options or arguments that do not make sense together."""


class NotFoundError(KgError):
    """A name that names nothing in the store (exit 1: the question has no subject)."""

    exit_code = 1


class StoreError(KgError):
    """The store cannot be opened, written or queried."""


class StoreBusyError(StoreError):
    """Another process holds the embedded store."""
