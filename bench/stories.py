"""Story clustering on ECB+: B-cubed F1 and adjusted Rand index against the gold ``story``.

    python bench/stories.py [../shared/data/stories/ecbplus_dev.jsonl] [--limit N] [--cache FILE]

Articles are analysed by the pipeline's stages up to ``entities`` (all that clustering reads),
then clustered one at a time in file order by ``newsbrief.corpus.stories.StoryIndex``.
Peers in the same run: TF-IDF cosine single-pass (the same incremental algorithm on words only,
no entities) and TF-IDF + average-link agglomerative clustering (scikit-learn, all at once),
each at its best threshold on this file (reported), so they are not handicapped by our tuning.
ECB+ has no dates; timing is reported per article.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "stories" / "ecbplus_dev.jsonl"
STAGES = ["validate", "publisher_box", "dateline", "parse", "sentences", "entities"]


def bcubed(gold: list[str], pred: list[int]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 (Bagga & Baldwin 1998), averaged over items."""
    by_gold: dict[str, set[int]] = defaultdict(set)
    by_pred: dict[int, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, pred, strict=True)):
        by_gold[g].add(i)
        by_pred[p].add(i)
    prec = rec = 0.0
    for g, p in zip(gold, pred, strict=True):
        both = len(by_gold[g] & by_pred[p])
        prec += both / len(by_pred[p])
        rec += both / len(by_gold[g])
    prec, rec = prec / len(gold), rec / len(gold)
    return prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def load(path: Path, limit: int | None) -> list[dict]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return rows[:limit] if limit else rows


def analyse(rows: list[dict], cache: Path | None) -> tuple[list[dict], float]:
    """Analysed dicts (entities included) for every row; cached by id when ``cache`` is given."""
    done: dict[str, dict] = {}
    if cache and cache.exists():
        for line in cache.open(encoding="utf-8"):
            obj = json.loads(line)
            done[obj["id"]] = obj
    todo = [r for r in rows if r["id"] not in done]
    seconds = 0.0
    if todo:
        from newsbrief import Settings
        from newsbrief.ingest import from_text
        from newsbrief.pipeline import build

        pipeline = build(Settings(check_language=False), stages=STAGES)
        start = time.perf_counter()
        articles = [from_text(r["text"], id=r["id"]) for r in todo]
        out = cache.open("a", encoding="utf-8") if cache else None
        for article, exc in pipeline.pipe_safe(articles):
            data = article.to_dict()
            if exc is not None:
                print(f"{article.id}: {exc}", file=sys.stderr)
            done[article.id] = data
            if out:
                out.write(json.dumps(data) + "\n")
        if out:
            out.close()
        seconds = time.perf_counter() - start
    return [done[r["id"]] for r in rows], seconds


def run_ours(datas: list[dict], **kwargs) -> tuple[list[int], float]:
    from newsbrief.corpus.stories import StoryIndex, features

    index = StoryIndex(**kwargs)
    start = time.perf_counter()
    pred = [index.assign(features(d)) for d in datas]
    return pred, time.perf_counter() - start


def run_words_only(datas: list[dict], threshold: float) -> list[int]:
    from newsbrief.corpus.stories import StoryIndex, features

    index = StoryIndex(threshold=threshold, entity_weight=0.0)
    return [index.assign({**features(d), "ents": {}}) for d in datas]


def run_agglomerative(texts: list[str], threshold: float) -> list[int]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts).toarray()
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                    distance_threshold=threshold)
    return list(model.fit_predict(matrix))


def score(gold: list[str], pred: list[int]) -> dict[str, float]:
    from sklearn.metrics import adjusted_rand_score

    p, r, f = bcubed(gold, pred)
    return {"P": p, "R": r, "F1": f, "ARI": adjusted_rand_score(gold, pred), "clusters": len(set(pred))}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=None, metavar="N")
    ap.add_argument("--cache", type=Path, default=None, metavar="FILE",
                    help="keep analysed articles here between runs (outside the repository)")
    ap.add_argument("--sweep", action="store_true", help="also print our score over a threshold grid")
    args = ap.parse_args()
    path = Path(args.data)
    if not path.exists():
        print(f"{path}: not found (the shared data sets are absent)", file=sys.stderr)
        return 2
    rows = load(path, args.limit)
    gold = [r["story"] for r in rows]
    datas, analyse_s = analyse(rows, args.cache)

    results = []
    pred, cluster_s = run_ours(datas)
    results.append(("newsbrief StoryIndex (words + entities, incremental)", "default", score(gold, pred)))
    grid = [0.10, 0.15, 0.20, 0.22, 0.24, 0.25, 0.26, 0.28, 0.30, 0.35, 0.40]
    words = {t: score(gold, run_words_only(datas, t)) for t in grid}
    sweep = {t: score(gold, run_ours(datas, threshold=t)[0]) for t in grid} if args.sweep else {}
    best = max(words.items(), key=lambda x: x[1]["F1"])
    results.append(("TF-IDF cosine single-pass (words only, incremental)", f"{best[0]:.2f} (best)", best[1]))
    texts = [d["article"]["text"] for d in datas]
    best = max(((t, score(gold, run_agglomerative(texts, t))) for t in (0.6, 0.7, 0.75, 0.8, 0.85, 0.9)),
               key=lambda x: x[1]["F1"])
    results.append(("TF-IDF cosine average-link agglomerative (sklearn, batch)", f"{best[0]:.2f} (best)", best[1]))

    stories = len(set(gold))
    print(f"ECB+ {path.name}: {len(rows)} articles, {stories} gold stories; analysis "
          f"{analyse_s:.1f} s (0 when cached); our clustering {1000 * cluster_s / len(rows):.2f} ms/article\n")
    print("| method | threshold | B³ P | B³ R | B³ F1 | ARI | clusters |")
    print("|---|---|---|---|---|---|---|")
    for name, thr, s in results:
        print(f"| {name} | {thr} | {s['P']:.3f} | {s['R']:.3f} | {s['F1']:.3f} | {s['ARI']:.3f} | {s['clusters']} |")
    if sweep:
        print("\nB³ F1 / ARI by threshold (robustness):\n")
        print("| threshold | " + " | ".join(f"{t:.2f}" for t in grid) + " |")
        print("|---|" + "---|" * len(grid))
        for name, table in (("StoryIndex (words + entities)", sweep), ("words only", words)):
            print(f"| {name} | " + " | ".join(f"{table[t]['F1']:.3f} / {table[t]['ARI']:.3f}" for t in grid) + " |")
    sizes = Counter(pred)
    print(f"\nlargest predicted clusters: {sizes.most_common(3)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
