"""Story clustering on two events of the same kind (texts written for this test): names, places and
numbers keep them apart, a story that mixed them splits, and ingest moves the split articles."""

from __future__ import annotations

import pytest

from newsbrief.corpus.ingest import Ingester
from newsbrief.corpus.sources import Item
from newsbrief.corpus.store import Store
from newsbrief.corpus.stories import StoryIndex, features, number_terms
from newsbrief.ingest import from_text

# Two ferry fires: the same kind of event, told in the same words, in different places with different people.
KESTREL = [
    "Ferry fire off Dunmore kills 4\n"
    "A fire broke out on the ferry Kestrel Star near Dunmore harbour on Tuesday, killing 4 passengers. "
    "Captain Ilse Varga said the blaze started in the engine room at 6.40 in the morning. "
    "The coastguard at Dunmore rescued 212 people from the water.",
    "Dunmore mourns 4 dead after Kestrel Star blaze\n"
    "Families gathered at Dunmore harbour after the fire on the Kestrel Star. "
    "Investigators said the engine room fire spread quickly. Captain Ilse Varga praised the crew, "
    "who helped 212 passengers into lifeboats.",
    "Kestrel Star owner promises inquiry\n"
    "The owner of the Kestrel Star, Norland Lines, promised an inquiry into the fire off Dunmore that killed 4. "
    "Captain Ilse Varga will give evidence. The ferry carried 212 passengers and 31 crew.",
]
PELICAN = [
    "Fire on ferry near Port Ashby leaves 9 dead\n"
    "A fire on the ferry Pelican Dawn near Port Ashby killed 9 passengers on Friday. "
    "Captain Tomas Riedl said the blaze began on the car deck at 11.15 at night. "
    "Lifeboats from Port Ashby took 87 people ashore.",
    "Port Ashby counts 9 dead from Pelican Dawn fire\n"
    "Relatives waited at Port Ashby after the fire on the Pelican Dawn. "
    "The car deck fire spread to the cabins, investigators said. Captain Tomas Riedl said the crew "
    "helped 87 passengers into the lifeboats.",
    "Pelican Dawn operator faces questions\n"
    "Seaway Ferries, which runs the Pelican Dawn, faces questions over the fire near Port Ashby that killed 9. "
    "Captain Tomas Riedl is to be interviewed. The ferry carried 87 passengers and 14 crew.",
]


@pytest.fixture(scope="module")
def analysed() -> dict[str, list[dict]]:
    import newsbrief

    return {
        "kestrel": [newsbrief.analyze(t, published="2025-06-03").to_dict() for t in KESTREL],
        "pelican": [newsbrief.analyze(t, published="2025-06-06").to_dict() for t in PELICAN],
    }


def _interleaved(analysed: dict[str, list[dict]]) -> list[tuple[str, dict]]:
    return [(name, analysed[name][i]) for i in range(3) for name in ("kestrel", "pelican")]


def test_numbers_are_features_of_their_own():
    assert set(number_terms("4 dead, 212 rescued at 6.40; 4 of them crew")) == {"4", "212", "6.40"}


def test_two_fires_become_two_stories(analysed):
    index = StoryIndex()
    stories: dict[str, set[int]] = {"kestrel": set(), "pelican": set()}
    for key, (name, data) in enumerate(_interleaved(analysed)):
        stories[name].add(index.assign(features(data), key=key))
        assert index.take_moves() == []
    assert len(stories["kestrel"]) == len(stories["pelican"]) == 1
    assert stories["kestrel"] != stories["pelican"]


def test_a_story_that_mixed_two_events_splits(analysed):
    index = StoryIndex(threshold=0.0, young_easing=0.0)  # no bar: everything joins the first story
    names = []
    for key, (name, data) in enumerate(_interleaved(analysed)):
        index.assign(features(data), key=key)
        names.append(name)
        if key < 5:
            assert index.take_moves() == []  # too small to test for a split
    moves = index.take_moves()
    moved = {key for key, _ in moves}
    assert len({story for _, story in moves}) == 1
    assert {names[k] for k in moved} in ({"kestrel"}, {"pelican"}) and len(moved) == 3
    # the split-off story is a story like any other: the next report of its fire joins it
    follow_up = {**features(analysed[names[next(iter(moved))]][0]), "published": "2025-06-07"}
    assert index.score(follow_up)[0] == moves[0][1]


def test_split_is_not_made_without_keys(analysed):
    index = StoryIndex(threshold=0.0, young_easing=0.0)
    ids = {index.assign(features(data)) for _, data in _interleaved(analysed)}
    assert ids == {1} and index.take_moves() == []


def test_replay_rebuilds_a_split_index(analysed):
    index = StoryIndex(threshold=0.0, young_easing=0.0)
    feats = [features(data) for _, data in _interleaved(analysed)]
    stories = [index.assign(f, key=k) for k, f in enumerate(feats)]
    for key, story in index.take_moves():
        stories[key] = story
    rebuilt = StoryIndex(threshold=0.0, young_easing=0.0)
    for key, (f, story) in enumerate(zip(feats, stories, strict=True)):
        rebuilt.replay(f, story, key=key)
    probe = features(analysed["kestrel"][1])
    best, score, _ = index.score(probe)
    best2, score2, _ = rebuilt.score(probe)
    assert best == best2 and score == pytest.approx(score2)


def test_ingest_moves_split_articles_and_titles_their_story(tmp_path):
    texts = [t for pair in zip(KESTREL, PELICAN, strict=True) for t in pair]
    with Store(tmp_path / "corpus.sqlite3") as store:
        with Ingester(store, workers=1, on_error=lambda origin, message: None) as ingester:
            ingester.stories = StoryIndex(threshold=0.0, young_easing=0.0)
            summary = ingester.run(Item(f"t{i}", from_text(t, id=f"t{i}")) for i, t in enumerate(texts))
        assert summary.new == 6
        by_story: dict[int, set[str]] = {}
        for row in store.articles(limit=10):
            text = store.article(row["id"])["article"]["text"]
            by_story.setdefault(row["story_id"], set()).add("kestrel" if "Dunmore" in text else "pelican")
        assert sorted(map(sorted, by_story.values())) == [["kestrel"], ["pelican"]]
        titles = {s["id"]: s["title"] or "" for s in store.stories()}
        for story, kinds in by_story.items():  # the story split off is titled after its own articles
            assert ("Dunmore" in titles[story] or "Kestrel" in titles[story]) == (kinds == {"kestrel"})
