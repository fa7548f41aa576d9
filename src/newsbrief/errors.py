"""Errors a user can act on, each with its documented exit code (see README, "Exit codes")."""

from __future__ import annotations


class NewsbriefError(Exception):
    """Base class: a one-line message and a process exit code."""

    exit_code = 1


class InputError(NewsbriefError):
    """Empty, binary, undecodable, oversized or unparseable input; HTML with no article."""

    exit_code = 3


class LanguageError(NewsbriefError):
    """The text is not in a language newsbrief analyses (English)."""

    exit_code = 4


class ModelError(NewsbriefError):
    """The language model is not installed or cannot be loaded."""

    exit_code = 5


class StoreError(NewsbriefError):
    """The corpus database cannot be opened, migrated or queried."""

    exit_code = 6
