"""Events against human references: ISAF dates (a) and PLOVER codings (b), peers in the same run.

    python bench/events.py [../shared/data/events] [--limit N] [--part isaf|plover|petr2|all] [--errors N]
                           [--years FIRST-LAST]

(a) ISAF press releases: the date of the main event (the first dated event after the dateline)
against the gold ``start_date``, exact and within one day.  Peers, each anchored on the same
dateline date (newsbrief's dateline reader, which takes a missing year from the release number):
the dateline date itself; dateparser's ``search_dates`` and timefhuman (when installed) taking
the first date they find after the dateline (the dateline date when they find none).  The
"(dated)" columns count only releases whose dateline or heading gives a full date, its year read
as a reader reads it (from a release number, a weekday written with a date, the latest month and
year the text names): without one (no year anywhere, or no day), no reader can resolve "yesterday".
(b) PLOVER gold-standard sentences: accuracy of the main event's category (the first event of
the sentence with a named actor), of its source (actor) country and of its target country, next to a majority-class
category and a "first / second country named" baseline.  Country accuracy counts sentences whose
gold actor has an ISO3 code (not IGO/NGO/...); a prediction is right when it is one of them.
(c) PETRARCH-2's gold-standard validation sentences (CAMEO codings): the same three measures, CAMEO
root codes mapped to PLOVER categories as the PLOVER codebook maps them; a second check that what
is tuned on (b) generalises.
Prints markdown tables.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "events"
STAGES = ["validate", "publisher_box", "dateline", "parse", "sentences", "entities", "times", "events"]
# The GSR's own codes for two states differ from ISO 3166 alpha-3.
GOLD_ISO_FIXES = {"JAP": "JPN", "ITL": "ITA"}
# CAMEO-era names in the GSR -> the PLOVER names newsbrief uses.
GOLD_CATEGORY = {"DEMAND": "request", "DISAPPROVE": "accuse"}


def read_jsonl(path: Path, limit: int | None) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


YEARS: tuple[int, int] | None = None  # --years: the prior on the years a collection spans (off by default)


def pipeline():
    from newsbrief.pipeline import Settings, build

    return build(Settings(extra={"years": YEARS} if YEARS else {}), stages=STAGES)


def analysed(texts: Iterable[str]) -> Iterable[tuple[object, Exception | None]]:
    from newsbrief.ingest import from_text

    return pipeline().pipe_safe(from_text(t) for t in texts)


# ------------------------------------------------------------------------------------------ ISAF


def _day(value: str | None) -> dt.date | None:
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _partial_agrees(value: str, gold: dt.date) -> bool:
    if value.startswith("XXXX"):
        return value[4:10] == gold.isoformat()[4:10]
    return gold.isoformat().startswith(value)


def _dateparser_first(body: str, anchor: dt.date) -> dt.date | None:
    from dateparser.search import search_dates

    base = dt.datetime.combine(anchor, dt.time(12))
    found = search_dates(body, languages=["en"],
                         settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
    for _, when in found:
        if abs((when.date() - anchor).days) <= 366:
            return when.date()
    return None


def _timefhuman_first(body: str, anchor: dt.date) -> dt.date | None:
    from timefhuman import timefhuman
    from timefhuman.utils import Direction, tfhConfig

    cfg = tfhConfig(now=dt.datetime.combine(anchor, dt.time(12)), direction=Direction.previous)
    try:
        found = timefhuman(body, config=cfg)
    except Exception:  # the peer fails on some texts; that counts as no answer
        return None
    for item in found if isinstance(found, list) else [found]:
        when = item[0] if isinstance(item, tuple) else item
        if isinstance(when, dt.datetime):
            return when.date()
        if isinstance(when, dt.date):
            return when
    return None


def bench_isaf(path: Path, limit: int | None, errors: int) -> None:
    from newsbrief.events import main_event
    from newsbrief.times import read_dateline

    rows = read_jsonl(path, limit)
    systems: dict[str, list[tuple[dt.date | None, dt.date]]] = {}
    timings: Counter[str] = Counter()
    peers: dict[str, Callable[[str, dt.date], dt.date | None]] = {"dateparser search_dates": _dateparser_first}
    try:
        import timefhuman  # noqa: F401

        peers["timefhuman"] = _timefhuman_first
    except ImportError:
        print("timefhuman is not installed: its row is left out", file=sys.stderr)
    failed = 0
    partial: list[bool] = []
    anchored: list[bool] = []
    wrong: list[str] = []
    t0 = time.perf_counter()
    results = list(analysed(r["text"] for r in rows))
    timings["newsbrief"] += time.perf_counter() - t0
    for row, (article, exc) in zip(rows, results, strict=True):
        gold = dt.date.fromisoformat(row["labels"]["start_date"])
        dateline = read_dateline(row["text"], YEARS)
        anchor = dateline.date if dateline is not None else None
        anchored.append(anchor is not None)
        if exc is not None:
            failed += 1
            systems.setdefault("newsbrief", []).append((None, gold))
        else:
            event = main_event(article)
            got = _day(event.date) if event else None
            systems.setdefault("newsbrief", []).append((got, gold))
            if got is None and event is not None and event.date:
                # what a reader can say without the year, or the day: "XXXX-02-07", "2011-07"
                partial.append(_partial_agrees(event.date, gold))
            if got != gold and len(wrong) < errors:
                what = f"{event.action.text!r} {event.date_basis}" if event else "no event"
                wrong.append(f"{row['id']}: gold {gold} got {got} ({what}; dateline {anchor})")
        systems.setdefault("dateline date (baseline)", []).append((anchor, gold))
        # the best any choice among the days the release expresses (its dateline and every full day newsbrief's
        # times layer reads in it) could do: where the gold date is none of them, no reading of the text finds it
        days = {anchor} | {_day(t.value) for t in (article.times if exc is None else []) if t.value}
        days.discard(None)
        nearest = min(days, key=lambda d: abs((d - gold).days), default=None)
        systems.setdefault("ceiling: a day the release expresses", []).append((nearest, gold))
        body = row["text"][dateline.end :] if dateline is not None else row["text"]
        for name, fn in peers.items():
            t0 = time.perf_counter()
            got = fn(body, anchor) if anchor is not None else None
            timings[name] += time.perf_counter() - t0
            systems.setdefault(name, []).append((got if got is not None else anchor, gold))
    n = len(rows)
    n_dated = sum(anchored)
    print(f"### (a) ISAF: date of the main event ({n} releases, {path.name}; {n_dated} whose dateline or "
          "heading gives a full date)\n")
    print("| system | exact | within 1 day | exact (dated) | within 1 day (dated) | no full date | seconds |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, pairs in systems.items():
        exact = [got == gold for got, gold in pairs]
        near = [got is not None and abs((got - gold).days) <= 1 for got, gold in pairs]
        none = sum(1 for got, _ in pairs if got is None)
        secs = f"{timings[name]:.1f}" if name in timings else "–"
        dated_exact = sum(e for e, a in zip(exact, anchored, strict=True) if a) / max(n_dated, 1)
        dated_near = sum(e for e, a in zip(near, anchored, strict=True) if a) / max(n_dated, 1)
        print(f"| {name} | {sum(exact) / n:.3f} | {sum(near) / n:.3f} | {dated_exact:.3f} | {dated_near:.3f} "
              f"| {none} | {secs} |")
    print(f"\nnewsbrief failed on {failed} of {n} releases (counted as wrong). Peers get the dateline "
          "date when they find no date.")
    print("The ceiling row takes, for each release, whichever day it expresses (its dateline, or any full day the "
          "times layer reads in it) is nearest the gold date: no choice among what the text says scores higher. "
          "Where it misses, the gold date is mostly a day before every date the release gives (\"Feb. 6\" read "
          "as Feb. 5), or the release names no day at all.")
    print(f"Where no full day can be read, newsbrief dates the main event as far as the release goes (the day "
          f"without its year, or the month of its release number) for {len(partial)} releases; "
          f"{sum(partial)} of them agree with the gold date (still counted as wrong above).\n")
    if wrong:
        print("Errors (newsbrief):\n")
        for line in wrong:
            print("- " + line)
        print()


# ---------------------------------------------------------------------------------------- PLOVER


def _codes(actors: object) -> set[str]:
    from newsbrief.countries import by_iso3

    out: set[str] = set()
    if not isinstance(actors, list):
        return out
    for actor in actors:
        if isinstance(actor, dict) and isinstance(actor.get("code"), str):
            code = GOLD_ISO_FIXES.get(actor["code"], actor["code"])
            if by_iso3(code) is not None:
                out.add(code)
    return out


def _named_countries(article) -> list[str]:
    """Countries in order of first mention: the baseline's actor and target."""
    seen: list[str] = []
    for ent in sorted(article.entities, key=lambda e: e.mentions[0].start):
        country = ent.country
        if country is None and ent.affiliation:
            from newsbrief.countries import lookup

            found = lookup(ent.affiliation)
            country = found.iso3 if found else None
        if country and country not in seen:
            seen.append(country)
    return seen


def bench_plover(path: Path, limit: int | None, errors: int) -> None:
    data = [d for d in json.loads(path.read_text(encoding="utf-8")) if d.get("text") and d.get("event") != "DOCUMENT"]
    if limit:
        data = data[:limit]
    gold_cat = [GOLD_CATEGORY.get(d["event"], d["event"].lower()) for d in data]
    majority = Counter(gold_cat).most_common(1)[0][0]
    t0 = time.perf_counter()
    results = list(analysed(d["text"] for d in data))
    secs = time.perf_counter() - t0
    score = Counter()
    wrong: list[str] = []
    n_src = n_tgt = 0
    for d, cat, (article, exc) in zip(data, gold_cat, results, strict=True):
        src, tgt = _codes(d.get("source")), _codes(d.get("target"))
        n_src += bool(src)
        n_tgt += bool(tgt)
        events = article.events if exc is None else []
        # the main event: the first one with a named actor (a participle like "weapons seized last
        # year" has none), else the first one
        main = next((e for e in events if e.actor is not None), events[0] if events else None)
        ok_cat = main is not None and main.action.category == cat
        score["nb_cat"] += ok_cat
        if src:
            score["nb_src"] += bool(main and main.actor and main.actor.country in src)
        if tgt:
            score["nb_tgt"] += bool(main and main.target and main.target.country in tgt)
        score["base_cat"] += majority == cat
        named = _named_countries(article) if exc is None else []
        if src:
            score["base_src"] += bool(named and named[0] in src)
        if tgt:
            score["base_tgt"] += bool(len(named) > 1 and named[1] in tgt)
        if not ok_cat and len(wrong) < errors:
            got = f"{main.action.category} ({main.action.text!r})" if main else "no event"
            wrong.append(f"{d['id']}: gold {cat}, got {got}")
    n = len(data)
    print(f"### (b) PLOVER GSR: main event of each sentence ({n} sentences; {n_src} with an ISO3 source, "
          f"{n_tgt} with an ISO3 target)\n")
    _print_coding_table(score, n, n_src, n_tgt, secs, majority, wrong)


# ---------------------------------------------------------------------------------------- PETRARCH-2

# CAMEO root code -> PLOVER category (the PLOVER codebook's own mapping); 01 (public statement) has none.
CAMEO_ROOT = {
    "02": "request", "03": "agree", "04": "consult", "05": "support", "06": "cooperate", "07": "aid",
    "08": "concede", "09": "investigate", "10": "request", "11": "accuse", "12": "reject", "13": "threaten",
    "14": "protest", "15": "mobilize", "16": "sanction", "17": "coerce", "18": "assault", "19": "fight",
    "20": "assault",
}


def read_petr2(path: Path) -> list[dict]:
    """Sentences with their codings: text, categories, source and target ISO3 codes (CAMEO actor codes
    begin with the state: "USAGOV" is the US government; "IGO...", "---REB" name none)."""
    import re

    from newsbrief.countries import by_iso3

    raw = path.read_text(encoding="utf-8")
    body = raw[raw.index("<Sentences>") :]
    out = []
    for attrs, rest in re.findall(r"<Sentence ([^>]*)>(.*?)(?=<Sentence |</Sentences>)", body, re.S):
        text = re.search(r"<Text>(.*?)</Text>", rest, re.S)
        codings = re.findall(r"<EventCoding ([^>]*)>", rest)
        if text is None or not codings or "noevents" in codings[0]:
            continue
        cats, src, tgt = set(), set(), set()
        for coding in codings:
            fields = dict(re.findall(r'(\w+)="([^"]*)"', coding))
            code = fields.get("eventcode", "")
            # 087x: de-escalation of military engagement is PLOVER's retreat, the rest of 08 concession
            cat = "retreat" if code.startswith("087") else CAMEO_ROOT.get(code[:2])
            if cat:
                cats.add(cat)
            for key, into in (("sourcecode", src), ("targetcode", tgt)):
                iso = fields.get(key, "")[:3]
                if by_iso3(iso) is not None:
                    into.add(iso)
        ident = re.search(r'id="([^"]+)"', attrs)
        out.append({"id": ident.group(1) if ident else "?", "text": " ".join(text.group(1).split()),
                    "categories": cats, "source": src, "target": tgt})
    return out


def bench_petr2(path: Path, limit: int | None, errors: int) -> None:
    data = read_petr2(path)
    if limit:
        data = data[:limit]
    majority = Counter(c for d in data for c in d["categories"]).most_common(1)[0][0]
    t0 = time.perf_counter()
    results = list(analysed(d["text"] for d in data))
    secs = time.perf_counter() - t0
    score: Counter[str] = Counter()
    wrong: list[str] = []
    n_cat = n_src = n_tgt = 0
    for d, (article, exc) in zip(data, results, strict=True):
        events = article.events if exc is None else []
        main = next((e for e in events if e.actor is not None), events[0] if events else None)
        named = _named_countries(article) if exc is None else []
        if d["categories"]:
            n_cat += 1
            ok = main is not None and main.action.category in d["categories"]
            score["nb_cat"] += ok
            score["base_cat"] += majority in d["categories"]
            if not ok and len(wrong) < errors:
                got = f"{main.action.category} ({main.action.text!r})" if main else "no event"
                wrong.append(f"{d['id']}: gold {sorted(d['categories'])}, got {got}")
        if d["source"]:
            n_src += 1
            score["nb_src"] += bool(main and main.actor and main.actor.country in d["source"])
            score["base_src"] += bool(named and named[0] in d["source"])
        if d["target"]:
            n_tgt += 1
            score["nb_tgt"] += bool(main and main.target and main.target.country in d["target"])
            score["base_tgt"] += bool(len(named) > 1 and named[1] in d["target"])
    print(f"### (c) PETRARCH-2 GSR validation: main event of each sentence ({len(data)} sentences with a coding; "
          f"{n_cat} with a category other than a public statement, {n_src} with an ISO3 source, {n_tgt} with an ISO3 "
          "target; a prediction is right when it matches any of the sentence's codings)\n")
    _print_coding_table(score, n_cat, n_src, n_tgt, secs, majority, wrong)


def _print_coding_table(score: dict, n_cat: int, n_src: int, n_tgt: int, secs: float, majority: str,
                        wrong: list[str]) -> None:
    """Category / source / target accuracy of newsbrief and the baseline, then the category errors."""
    print("| system | category | source country | target country | seconds |")
    print("|---|---:|---:|---:|---:|")
    print(f"| newsbrief | {score['nb_cat'] / max(n_cat, 1):.3f} | {score['nb_src'] / max(n_src, 1):.3f} | "
          f"{score['nb_tgt'] / max(n_tgt, 1):.3f} | {secs:.1f} |")
    print(f"| baseline: majority category ({majority}); first / second country named | "
          f"{score['base_cat'] / max(n_cat, 1):.3f} | {score['base_src'] / max(n_src, 1):.3f} | "
          f"{score['base_tgt'] / max(n_tgt, 1):.3f} | – |")
    print()
    if wrong:
        print("Category errors (newsbrief):\n")
        for line in wrong:
            print("- " + line)
        print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA), help="folder with isaf_dev.jsonl, plover_gsr.json")
    ap.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N records of each set")
    ap.add_argument("--part", choices=["isaf", "plover", "petr2", "all"], default="all")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="list up to N errors per part")
    ap.add_argument("--years", metavar="FIRST-LAST", default=None,
                    help="prior on the years the releases span (e.g. 2009-2013, ISAF's); it only decides the "
                         "year of a yearless dateline from a weekday written with a date")
    args = ap.parse_args(argv)
    if args.years:
        global YEARS
        first, last = (int(y) for y in args.years.split("-"))
        YEARS = (first, last)
    data = Path(args.data)
    isaf, plover = data / "isaf_dev.jsonl", data / "plover_gsr.json"
    if args.part in {"isaf", "all"}:
        if not isaf.exists():
            print(f"{isaf}: not found", file=sys.stderr)
            return 2
        bench_isaf(isaf, args.limit, args.errors)
    if args.part in {"plover", "all"}:
        if not plover.exists():
            print(f"{plover}: not found", file=sys.stderr)
            return 2
        bench_plover(plover, args.limit, args.errors)
    petr2 = data / "petr2_gsr_validation.xml"
    if args.part in {"petr2", "all"}:
        if not petr2.exists():
            print(f"{petr2}: not found", file=sys.stderr)
            return 2
        bench_petr2(petr2, args.limit, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
