"""Speaker resolution: from a source mention to the fullest name of that person or organisation in the article.

The public names: :class:`Speaker` (who a mention refers to), :data:`UNKNOWN`, :class:`SpeakerResolver` (one
article's resolver) and the name helpers :func:`clean_name` and :func:`surname`. Inside:

- ``names.py``: Speaker, cleaning and comparing names;
- ``syntax.py``: what the parse says of a mention (subject, the phrase's extent, roles);
- ``index.py``: the article's index of people and organisations, and the fullest names;
- ``person_antecedents.py``: who a he or she points back to (salience);
- ``antecedents.py``: what "they", "it", groups and documents point back to;
- ``kinds.py``: what kind of body each organisation is ("the airline", "the utility" find it);
- ``mention.py``: the case a rule looks at;
- ``speaker_rules.py``, ``description_rules.py``, ``document_rules.py``, ``group_rules.py`` (groups, "both",
  things) and ``campaign_rules.py`` (a candidate's campaign and team):
  the named rules, and the table that orders them;
- ``resolver.py``: SpeakerResolver, the state kept between one article's mentions.
"""

from __future__ import annotations

from onrecord.attribution.resolution.names import UNKNOWN, Speaker, clean_name, surname
from onrecord.attribution.resolution.resolver import SpeakerResolver
from onrecord.attribution.resolution.speaker_rules import SPEAKER_RULES

__all__ = ["SPEAKER_RULES", "UNKNOWN", "Speaker", "SpeakerResolver", "clean_name", "surname"]
