"""Duplicate folding: precision and recall on rewrites of the shared articles mixed with distinct ones.

    python bench/dedup.py [../shared/data] [--limit N] [--seed 0]

The set is built here, deterministically: every Nth shared article (CNN/DailyMail, SummEval,
ECB+) gets one rewrite (truncated, boilerplate added, sentences reordered, sentences edited, or
all of these at once), and all the other articles are distinct.  ECB+ is the hard part: many of
its articles are different outlets' reports of the same event.  The articles are fed in a random
order; a rewrite must be folded into its original (or the original into it), nothing else may
be folded.  Peers in the same run: an exact content hash (what plain idempotency catches) and
datasketch MinHash LSH on Jaccard alone (threshold 0.5, no containment check).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data"
BOILERPLATE = [
    "Sign up for our daily newsletter to get the top stories delivered to your inbox every morning.",
    "Copyright 2025 The Example Wire. All rights reserved. This material may not be published, broadcast, "
    "rewritten or redistributed.",
    "Follow us on social media for the latest updates. Have a news tip? Contact our newsroom.",
    "Reporting by staff writers; editing by the news desk.",
]
EDITS = {"said": "stated", "says": "states", "told": "informed", "on": "on", "the": "the", "after": "following",
         "before": "prior to", "about": "regarding", "but": "however", "also": "additionally",
         "people": "individuals", "police": "authorities", "killed": "left dead", "big": "large"}
KINDS = ("truncate", "boilerplate", "reorder", "edit", "all")


def shared_texts(data: Path) -> list[str]:
    texts: list[str] = []
    for rel, key in (("keypoints/cnndm_dev.jsonl", "article"), ("keypoints/summeval_dev.jsonl", "article"),
                     ("stories/ecbplus_dev.jsonl", "text")):
        path = data / rel
        if path.exists():
            texts += [json.loads(line)[key] for line in path.open(encoding="utf-8") if line.strip()]
    return texts


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def rewrite(text: str, kind: str, rng: random.Random) -> str:
    sents = sentences(text)
    if kind in ("truncate", "all") and len(sents) > 4:
        sents = sents[: max(3, int(len(sents) * rng.uniform(0.5, 0.85)))]
    if kind in ("reorder", "all") and len(sents) > 3:
        # paragraphs move, as editors do: swap a few sentences, keep the lead
        for _ in range(max(1, len(sents) // 4)):
            i, j = rng.randrange(1, len(sents)), rng.randrange(1, len(sents))
            sents[i], sents[j] = sents[j], sents[i]
    if kind in ("edit", "all"):
        for i in rng.sample(range(len(sents)), k=max(1, len(sents) // 4)):
            words = sents[i].split()
            words = [EDITS.get(w, w) for w in words]
            if len(words) > 6:
                del words[rng.randrange(len(words))]
            sents[i] = " ".join(words)
    out = " ".join(sents)
    if kind in ("boilerplate", "all"):
        out = rng.choice(BOILERPLATE) + "\n\n" + out + "\n\n" + rng.choice(BOILERPLATE)
    return out


def drop_wire_copies(texts: list[str], bar: float = 0.3) -> tuple[list[str], int]:
    """Keep one text of every group of shared articles that already copy one another.

    The shared sets hold real wire copies (one agency story under several outlets' headlines);
    they would count as false positives here.  A text goes when at least ``bar`` of its exact
    word 3-grams are in an earlier kept text: a bar well below the one under test.
    """
    from newsbrief.corpus.dedup import shingles

    kept: list[str] = []
    kept_sets: list[set[bytes]] = []
    for text in texts:
        sh = shingles(text)
        if sh and any(len(sh & other) / min(len(sh), len(other)) >= bar for other in kept_sets if other):
            continue
        kept.append(text)
        kept_sets.append(sh)
    return kept, len(texts) - len(kept)


def build_set(texts: list[str], every: int, seed: int) -> list[tuple[str, int, str]]:
    """``(text, group, kind)``: a rewrite shares its original's group; distinct texts have their own."""
    rng = random.Random(seed)
    items = []
    for group, text in enumerate(texts):
        items.append((text, group, "original"))
        if group % every == 0:
            kind = KINDS[(group // every) % len(KINDS)]
            items.append((rewrite(text, kind, rng), group, kind))
    rng.shuffle(items)
    return items


def evaluate(items: list[tuple[str, int, str]], method: str) -> dict[str, float]:
    from newsbrief.corpus.dedup import DuplicateIndex, Signature
    from newsbrief.corpus.store import content_hash

    tp = fp = fn = 0
    seen_hash: dict[str, int] = {}
    index = DuplicateIndex()
    if method == "jaccard":
        from datasketch import MinHashLSH

        lsh = MinHashLSH(threshold=0.5, num_perm=128)
    start = time.perf_counter()
    groups_seen: set[int] = set()
    for key, (text, group, _) in enumerate(items):
        is_dup = group in groups_seen
        if method == "hash":
            h = content_hash(text)
            match = seen_hash.get(h)
            seen_hash.setdefault(h, group)
            found = match
        else:
            sig = Signature.of(text)
            if method == "ours":
                hit = index.find(sig)
                found = None if hit is None else hit[0][0]
                if hit is None:
                    index.add((group, key), sig)
            else:
                hits = lsh.query(sig.minhash)
                found = hits[0][0] if hits else None
                if not hits:
                    lsh.insert((group, key), sig.minhash)
        groups_seen.add(group)
        if found is not None:
            if found == group:
                tp += 1
            else:
                fp += 1
        elif is_dup:
            fn += 1
    seconds = time.perf_counter() - start
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"P": p, "R": r, "tp": tp, "fp": fp, "fn": fn, "ms": 1000 * seconds / len(items)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT), help="the shared data folder")
    ap.add_argument("--limit", type=int, default=None, metavar="N", help="use the first N shared articles")
    ap.add_argument("--every", type=int, default=2, metavar="K", help="rewrite every Kth article (default 2)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    texts = shared_texts(Path(args.data))
    if not texts:
        print(f"{args.data}: no shared articles found", file=sys.stderr)
        return 2
    texts = texts[: args.limit] if args.limit else texts
    texts, dropped = drop_wire_copies(texts)
    items = build_set(texts, args.every, args.seed)
    n_dups = sum(1 for _, _, k in items if k != "original")
    print(f"{len(items)} texts: {len(texts)} distinct articles ({dropped} wire copies among the shared articles "
          f"left out), {n_dups} rewrites "
          f"({', '.join(KINDS)} in turn), seed {args.seed}\n")
    print("| method | precision | recall | TP | FP | FN | ms/text |")
    print("|---|---|---|---|---|---|---|")
    for name, method in (("newsbrief DuplicateIndex (MinHash LSH + containment)", "ours"),
                         ("exact content hash", "hash"),
                         ("MinHash LSH, Jaccard ≥ 0.5 only", "jaccard")):
        s = evaluate(items, method)
        print(f"| {name} | {s['P']:.3f} | {s['R']:.3f} | {s['tp']} | {s['fp']} | {s['fn']} | {s['ms']:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
