"""The time cap, where corpus runs have always imported it from: see :mod:`onrecord.deadline`."""

from onrecord.deadline import Deadline, DocumentTimeout, deadline

__all__ = ["Deadline", "DocumentTimeout", "deadline"]
