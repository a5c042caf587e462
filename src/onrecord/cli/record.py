"""Commands for the record (store, speakers, search, timelines, stats, export).

``register(sub, add_command)`` adds this module's subcommands to the top-level parser built in
:func:`onrecord.cli.build_parser`; ``add_command(sub, name, func, settings=True)`` creates one subcommand whose help
and description come from ``func``'s docstring (which must contain an ``Example:``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def register(sub: Any, add_command: Callable[..., Any]) -> None:
    """Add this module's subcommands (none yet)."""
