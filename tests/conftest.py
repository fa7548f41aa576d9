from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def example_text() -> str:
    return (EXAMPLES / "harbour-talks-2025-03-16.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_article(example_text):
    import newsbrief

    return newsbrief.analyze(example_text, published="2025-03-16")


@pytest.fixture(scope="session")
def shared_example_body() -> tuple[str, str]:
    """The shared reference article: (full text with its publisher's box, body only)."""
    path = SHARED / "examples" / "pahalgam-diplomacy-2025-04-27.txt"
    if not path.exists():
        pytest.skip("../shared/examples is absent")
    text = path.read_text(encoding="utf-8")
    body = text[text.index("ISLAMABAD/BEIJING") :]
    return text, body
