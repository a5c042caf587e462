"""Relay chains: who passed a statement on ("according to Washington Post reporter Mustafa Salim")."""

from __future__ import annotations

from spacy.tokens import Span

from onrecord.attribution.resolution import clean_name
from onrecord.types import CharSpan, Relay

_OUTLET_WORDS = frozenset(
    """times post journal news herald tribune telegraph guardian independent gazette chronicle press
    reuters ap afp bloomberg cnn nbc abc cbs fox msnbc bbc cbc ctv npr pbs politico axios vox
    observer mail express standard sun star globe economist atlantic magazine newspaper network
    radio television tv daily weekly monthly agency wire""".split()
)


_ROLES = frozenset(
    "reporter reporters correspondent columnist editor writer anchor host journalist producer commentator".split()
)


def _ents_within(span: Span) -> list[Span]:
    """The entities that lie wholly inside ``span``, as ``span.ents`` gives them, read off its own tokens
    (``Span.ents`` walks every entity of the document: for each relay of a long article, in the square of its
    length)."""
    doc, out, i = span.doc, [], span.start
    while i < span.end:
        if doc[i].ent_iob_ != "B":
            i += 1
            continue
        j = i + 1
        while j < len(doc) and doc[j].ent_iob_ == "I":
            j += 1
        if j <= span.end:
            out.append(Span(doc, i, j, label=doc[i].ent_type_))
        i = j
    return out


def relay_from(mention: Span) -> Relay:
    """Split a relay mention into a person and an outlet: "Washington Post reporter Mustafa Salim"."""
    name = outlet = None
    for ent in _ents_within(mention):
        if ent.label_ == "PERSON" and name is None:
            name = clean_name(ent.text)
        elif ent.label_ in ("ORG", "NORP", "GPE", "WORK_OF_ART") and outlet is None:
            outlet = _outlet_text(ent.text)
    role = next((t for t in mention if t.lower_ in _ROLES), None)
    if role is not None and (name is None or outlet is None):
        # "Harbour Post reporter Nadia Ferris": the outlet before the role, the person after it
        before = [t for t in mention if t.i < role.i and t.pos_ == "PROPN"]
        after = [t for t in mention if t.i > role.i and t.pos_ == "PROPN"]
        if outlet is None and before:
            outlet = _outlet_text(mention.doc[before[0].i : before[-1].i + 1].text)
        if name is None and after:
            name = clean_name(mention.doc[after[0].i : after[-1].i + 1].text)
    if outlet is None:
        words = [t for t in mention if t.pos_ == "PROPN" and (name is None or t.text not in name)]
        if words and any(w.lower_ in _OUTLET_WORDS for w in words):
            outlet = _outlet_text(mention.doc[words[0].i : words[-1].i + 1].text)
    if name is None and outlet is None:
        root = mention.root
        if root.pos_ == "PROPN":
            outlet = _outlet_text(mention.text)
        elif root.lower_ in _OUTLET_WORDS:
            outlet = _outlet_text(mention.text)
    if name is None and outlet is None:
        outlet = _outlet_text(mention.text)
    return Relay(span=CharSpan(mention.start_char, mention.end_char), name=name, outlet=outlet)


def _outlet_text(text: str) -> str:
    text = text.strip().rstrip(",.;:")
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    for suffix in ("’s", "'s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text
