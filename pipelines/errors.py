"""Errors a user can act on, each with a one-line message."""


class VigyaptiError(Exception):
    """Base class: the CLI prints `vigyapti: error: <message>` and exits non-zero."""


class InputError(VigyaptiError):
    """The input cannot be read as text (missing, binary, undecodable, too large)."""
