"""The first stage: refuse what cannot be analysed, with a message a user can act on."""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING

from ..document import Article
from ..errors import InputError, LanguageError

if TYPE_CHECKING:
    from ..pipeline import Settings

# langid is unreliable on a line or two; below this many words the check is skipped
_MIN_WORDS_FOR_LANGUAGE = 6
_LANGUAGE_CONFIDENCE = 0.9


def check_text(article: Article, max_chars: int, check_language: bool = True) -> None:
    text = article.text
    if not isinstance(text, str):
        raise InputError("article text must be a string")
    if not text.strip():
        raise InputError("the article is empty (no text to analyse)")
    if len(text) > max_chars:
        raise InputError(f"the article is {len(text):,} characters long; the limit is {max_chars:,}")
    if next(islice((c for c in text if c.isalpha()), 2, None), None) is None:  # fewer than three letters
        raise InputError("the article has no words to analyse")
    if check_language:
        lang, prob = detect_language(text)
        if lang != "en" and prob >= _LANGUAGE_CONFIDENCE:
            article.language = lang
            raise LanguageError(f"the article looks like '{lang}' text; newsbrief analyses English only")


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and probability (py3langid, its model ships in the package)."""
    sample = text[:600]  # a paragraph is plenty for langid, and its cost grows with the sample
    if len(sample.split()) < _MIN_WORDS_FOR_LANGUAGE:
        return "en", 0.0
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    global _IDENTIFIER
    if _IDENTIFIER is None:
        _IDENTIFIER = LanguageIdentifier.from_modelpath(f"{MODEL_DIR}/{MODEL_FILE}", norm_probs=True)
    lang, prob = _IDENTIFIER.classify(sample)
    return str(lang), float(prob)


_IDENTIFIER = None


class ValidateStage:
    name = "validate"

    def __init__(self, max_chars: int, check_language: bool) -> None:
        self.max_chars = max_chars
        self.check_language = check_language

    def __call__(self, article: Article) -> None:
        check_text(article, self.max_chars, self.check_language)


def make_stage(settings: Settings) -> ValidateStage:
    return ValidateStage(settings.max_chars, settings.check_language)
