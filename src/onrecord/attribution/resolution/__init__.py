"""Speaker resolution: from a source mention to the fullest name of that person or organisation in the article.

The public names: :class:`Speaker` (who a mention refers to), :data:`UNKNOWN`, :class:`SpeakerResolver` (one
article's resolver) and the name helpers :func:`clean_name` and :func:`surname`.
"""

from __future__ import annotations

from onrecord.attribution.resolution.resolver import UNKNOWN, Speaker, SpeakerResolver, clean_name, surname

__all__ = ["UNKNOWN", "Speaker", "SpeakerResolver", "clean_name", "surname"]
