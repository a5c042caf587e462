"""The accurate mode over one parsed Doc: the rules' attributions, corrected by the role tagger.

``Settings.mode = "accurate"`` runs this instead of the rules alone. The tagger reads the rules' broad output
(scope ``all``, cue phrases, candidates down to the cue threshold it was trained with); the decoder (decoder.py)
corrects boundaries, drops the candidates it does not support and adds what the rules missed. Corrected
attributions keep the rules' speaker, channel, relays and kind; added ones get theirs resolved here. With scope
``quotes`` only the corrections of the rules' statements are kept (nothing is added: the tagger learnt broad
attribution), and with cue span ``word`` the rules' one-word cues are kept.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc

from onrecord.attribution.channels import medium_for
from onrecord.attribution.decoder import Decoding, refine
from onrecord.attribution.extractor import find_attributions
from onrecord.attribution.quotes import find_quotes
from onrecord.attribution.records import quoted_parts, type_of
from onrecord.attribution.resolution import SpeakerResolver
from onrecord.lexicon.en import FINDING_NOUNS, SPEECH_VERBS
from onrecord.types import Attribution, CharSpan, CueKind, Skipped

_DEFAULT_KNOBS = Decoding()
_RUNTIME: Any = None
_LOCK = threading.Lock()


def runtime() -> Any:
    """The shipped tagger, loaded on first use and shared by every document of the process."""
    global _RUNTIME
    with _LOCK:
        if _RUNTIME is None:
            from onrecord.attribution.tagger import RoleTaggerRuntime

            _RUNTIME = RoleTaggerRuntime()
        return _RUNTIME


def find_attributions_accurate(
    doc: Doc, *, scope: str = "quotes", cue_span: str = "phrase", knobs: Decoding = _DEFAULT_KNOBS
) -> tuple[tuple[Attribution, ...], tuple[Skipped, ...]]:
    """:func:`onrecord.attribution.find_attributions`, corrected by the role tagger."""
    tagger = runtime()
    broad, skipped = find_attributions(doc, scope="all", cue_span="phrase", cue_threshold=tagger.cue_threshold)
    text = doc.text
    offsets, probs = tagger.label(text, [a.to_dict() for a in broad])
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    refined = refine(text, [(a.content, a.cue, a.source) for a in broad], offsets, probs.tolist(), sentences, knobs)

    # the rules' own output in the asked-for scope and cue span, by content and source
    narrow: dict[tuple[CharSpan, CharSpan | None], Attribution] | None = None
    if scope != "all" or cue_span != "phrase":
        narrow = {(a.content, a.source): a for a in find_attributions(doc, scope=scope, cue_span=cue_span)[0]}

    quote_spans = [q.content for q in find_quotes(text)[0]]
    contents = [(a.content.start, a.content.end) for a in broad]
    resolver: SpeakerResolver | None = None
    out: list[Attribution] = []
    for r in refined:
        if r.origin is not None:
            a = broad[r.origin]
            cue = r.cue
            if narrow is not None:
                key = (a.content, a.source)
                if key not in narrow:
                    continue  # outside the asked-for scope
                a = narrow[key]
                if cue_span == "word":
                    cue = a.cue  # the tagger learnt cue phrases; the rules give the word
            who: dict[str, Any] = {}
            if r.source is not None and (a.source is None or not r.source.overlaps(a.source)):
                # the tagger named another source: its speaker, not the rules' one for theirs
                resolver = resolver or SpeakerResolver(doc, contents, text=text)
                who = _speaker_fields(doc, r.source, resolver)
            same = r.content == a.content  # (the rules' type stands: a transcript line is direct without marks)
            out.append(replace(a, content=r.content, cue=cue, source=r.source,
                               type=a.type if same else type_of(text, r.content, None, quote_spans),
                               quoted=a.quoted if same else quoted_parts(text, r.content, quote_spans), **who))
        elif scope == "all":
            resolver = resolver or SpeakerResolver(doc, contents, text=text)
            out.append(_added(doc, text, r, resolver, quote_spans, cue_span))
    if narrow is not None:
        # statements the narrow reading gives another shape (a relay kept apart, a quotation attached otherwise):
        # the tagger never judged them, so the rules' own stand unless they collide with a kept one
        judged = {(a.content, a.source) for a in broad}
        for key, a in narrow.items():
            if key not in judged and not any(a.content.overlaps(o.content) for o in out):
                out.append(a)
    out.sort(key=lambda a: (a.content.start, a.content.end))
    return tuple(out), skipped


def _added(
    doc: Doc, text: str, r: Any, resolver: SpeakerResolver, quote_spans: Sequence[CharSpan], cue_span: str
) -> Attribution:
    """An attribution only the tagger found: its speaker, kind and channel read off its source and cue."""
    cue, cue_tok = r.cue, None
    if cue is not None:
        span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if span is not None:
            cue_tok = ([t for t in span if t.pos_ in ("VERB", "AUX", "NOUN")] or [span.root])[-1]
            if cue_span == "word":
                cue = CharSpan(cue_tok.idx, cue_tok.idx + len(cue_tok.text))
    src = doc.char_span(r.source.start, r.source.end, alignment_mode="expand") if r.source is not None else None
    kind: CueKind
    if src is not None and src.root.lemma_.lower() in FINDING_NOUNS:
        kind = "document"
    elif cue_tok is not None and cue_tok.lemma_.lower() in SPEECH_VERBS:
        kind = "speech"
    else:
        kind = "belief"
    return Attribution(
        content=r.content,
        source=r.source,
        cue=cue,
        **_speaker_fields(doc, r.source, resolver),
        type=type_of(text, r.content, None, quote_spans),
        medium=medium_for(text, cue_tok, src.root if src is not None else None),
        cue_kind=kind,
        confidence=round(max(0.05, min(0.95, r.score * 0.8)), 3),
        quoted=quoted_parts(text, r.content, quote_spans),
    )


def _speaker_fields(doc: Doc, source: CharSpan | None, resolver: SpeakerResolver) -> dict[str, Any]:
    """The speaker fields of an attribution whose source the tagger gave: who ``source`` is."""
    src = doc.char_span(source.start, source.end, alignment_mode="expand") if source is not None else None
    speaker = resolver.resolve(src) if src is not None else None
    return {
        "speaker": speaker.name if speaker else None,
        "speaker_kind": speaker.kind if speaker else "unknown",
        "speaker_description": speaker.description if speaker and speaker.name is None else None,
    }
