"""Entities: spaCy's named entities folded into one canonical entity per referent.

"Wang Yi" and a later "Wang" are one person; "Chinese" (as in "Chinese state media") and
"Beijing" where it acts ("Beijing fully understands") are China; a title before or after a
name gives the person's role and affiliation.  Hand-written: no offline coreference or
entity-linking package is available, and this needs only the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.attrs import IS_UPPER, LOWER, ORTH, POS
from spacy.symbols import PROPN

from . import countries
from .document import DASH_CHARS, Article, Entity, Mention
from .nlp import token_indices
from .times import read_dateline

if TYPE_CHECKING:
    from collections.abc import Collection

    from spacy.tokens import Doc, Span, Token

    from .pipeline import Settings

KEEP_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "mr.", "mrs.", "ms.", "dr.", "prof."}
# Head words of a person's title: "Foreign Minister", "Chief Executive", "spokeswoman".
TITLE_HEADS = {
    "minister", "president", "premier", "chancellor", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "governor", "senator", "mayor", "general", "commander", "chief", "director",
    "ambassador", "envoy", "king", "queen", "prince", "princess", "chairman", "chairwoman", "chair",
    "ceo", "executive", "leader", "head", "officer", "judge", "justice", "representative",
    "congressman", "congresswoman", "lawmaker", "mp", "adviser", "advisor", "coach", "manager",
    "captain", "editor", "professor", "analyst", "official", "diplomat", "attorney", "candidate",
    "commissioner", "founder", "inspector", "superintendent", "sheriff", "pope", "cardinal",
    "bishop", "imam", "rabbi", "colonel", "lieutenant", "sergeant", "admiral", "marshal",
    "counsel", "economist", "researcher", "scientist", "correspondent", "reporter", "nominee",
    "speaker", "whip", "treasurer", "councillor", "councilor", "deputy", "mufti", "emir", "sultan",
}
TITLE_MODIFIERS = {
    "deputy", "vice", "prime", "foreign", "defence", "defense", "interior", "finance", "home",
    "state", "chief", "executive", "general", "senior", "former", "acting", "assistant", "first",
    "federal", "national", "junior", "lead", "principal", "managing", "attorney", "press", "army",
    "police", "health", "trade", "and", "of", "for", "the", "energy", "information", "affairs",
    "external", "education", "justice", "security", "water", "resources", "commerce", "economic",
}
_POSSESSIVE = {"'s", "’s", "'", "’"}


@dataclass
class _Group:
    key: str
    label: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None
    role: str | None = None
    affiliation: str | None = None
    tokens: tuple[str, ...] = ()


def link_entities(article: Article) -> list[Entity]:
    doc = article.doc
    text = article.text
    groups: dict[str, _Group] = {}
    order: list[str] = []

    def add(key: str, label: str, name: str, start: int, end: int, country: str | None = None) -> _Group:
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(key=key, label=label, name=name, country=country)
            order.append(key)
        group.mentions.append(Mention(start=start, end=end, text=text[start:end]))
        return group

    spans = _candidate_spans(doc)
    # the surnames of people named in full: "Washington said" in a piece on Kerry Washington is the actress
    surnames = {toks[-1] for e in spans if e.label_ == "PERSON" and len(toks := _person_tokens(e.text)) >= 2}
    covered: set[int] = set()
    persons: list[tuple[Span, int, int]] = []
    for ent in spans:
        start, end = _trim(ent, text)
        if start >= end:
            continue
        covered.update(range(ent.start, ent.end))
        surface = text[start:end]
        country = _country_for(ent, surface, surnames)
        if country is not None:
            add("country:" + country.iso3, "GPE", country.name, start, end, country.iso3)
            continue
        if ent.label_ == "PERSON":
            persons.append((ent, start, end))
            continue
        key = ent.label_ + ":" + _norm(surface)
        name = surface.title() if surface.isupper() and len(surface) > 6 else surface
        group = add(key, ent.label_, name, start, end)
        if ent.label_ == "ORG" and group.affiliation is None:
            # "Pakistani Foreign Ministry", "China's state broadcaster CCTV"
            group.affiliation = _affiliation_left(doc, ent.start)

    _link_persons(persons, doc, text, add, groups, covered)
    _repeat_names(doc, groups, order, covered)
    _fold_orgs(groups, order)
    _fold_acronyms(groups, order, text)

    entities: list[Entity] = []
    used: set[str] = set()
    for key in order:
        group = groups.get(key)
        if group is None or not group.mentions:
            continue
        group.mentions.sort(key=lambda m: m.start)
        eid = _slug(group.name)
        base, n = eid, 2
        while eid in used:
            eid, n = f"{base}-{n}", n + 1
        used.add(eid)
        entities.append(
            Entity(
                id=eid,
                name=group.name,
                label=group.label,
                mentions=group.mentions,
                country=group.country,
                role=group.role,
                affiliation=group.affiliation,
            )
        )
    entities.sort(key=lambda e: e.mentions[0].start)
    return entities


PLACE_NOUNS = {"area", "region", "district", "province", "city", "town", "village", "valley", "county", "state",
               "border", "port", "airport", "camp", "river", "sea", "island", "islands", "mountains"}


def _candidate_spans(doc: Doc) -> list[Span]:
    """spaCy's entities, mended where the small model is known to slip on news text.

    - "Jammu and Kashmir": two places joined by "and" that are one name (neither is a state);
    - "Sikh pilgrims": a one-word PERSON modifying a plural noun is a group (NORP);
    - "CGTN", "IIOJK": an untagged all-capitals proper noun is an organisation (or acronym);
    - "the Pahalgam area": an untagged proper noun before a place noun is a place;
    - a PERSON in lower case is no name.
    """
    from spacy.tokens import Span as SpacySpan

    # a person's name has a capital ("It was word mush hidden behind …" gave a PERSON "mush hidden")
    ents = [e for e in doc.ents if e.label_ in KEEP_LABELS and (
        e.label_ != "PERSON" or any(t.text[:1].isupper() for t in e))]
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if nxt is not None and _one_place_name(doc, ent, nxt):
            out.append(SpacySpan(doc, ent.start, nxt.end, label=nxt.label_))
            i += 2
            continue
        after = doc[ent.end] if ent.end < len(doc) else None
        if (
            ent.label_ == "PERSON"
            and len(ent) == 1
            and after is not None
            and after.is_lower
            and after.text.endswith("s")
        ):
            out.append(SpacySpan(doc, ent.start, ent.end, label="NORP"))
        else:
            out.append(ent)
        i += 1
    taken = {t for e in out for t in range(e.start, e.end)}
    # only words in capitals or proper nouns can be either; the arrays find them without a Token per word
    pos, upper = doc.to_array([POS, IS_UPPER]).T.tolist()
    for i in (i for i, (p, u) in enumerate(zip(pos, upper, strict=True)) if u or p == PROPN):
        if i in taken:
            continue
        token = doc[i]
        text = token.text
        if (
            text.isupper()
            and 3 <= len(text) <= 8
            and text.isalpha()
            and not token.is_stop
            and not _in_dateline(token)
            and not _shouting(token)
        ):
            out.append(SpacySpan(doc, token.i, token.i + 1, label="ORG"))
        elif (
            token.pos_ == "PROPN"
            and text[:1].isupper()
            and token.dep_ == "compound"
            and token.head.lower_ in PLACE_NOUNS
            and token.head.i == token.i + 1
            and not countries.lookup(text)
        ):
            out.append(SpacySpan(doc, token.i, token.i + 1, label="GPE"))
    out.sort(key=lambda e: e.start)
    return _mend_labels(doc, out)


LAW_HEADS = {"treaty", "agreement", "accord", "convention", "protocol", "act", "charter", "pact"}
LAW_MISLABELS = {"ORG", "PRODUCT", "WORK_OF_ART", "LOC", "FAC", "EVENT"}
OCCUPIER_WORDS = {"occupied", "administered", "controlled", "held", "annexed"}


def _mend_labels(doc: Doc, spans: list[Span]) -> list[Span]:
    """- "the Indus Waters Treaty" tagged ORG is a law or treaty (LAW);
    - "Indian-Illegally Occupied" tagged ORG before "Jammu and Kashmir" is part of how the place is
      named, not an organisation: it goes, the place stays."""
    from spacy.tokens import Span as SpacySpan

    out: list[Span] = []
    for k, ent in enumerate(spans):
        nxt = spans[k + 1] if k + 1 < len(spans) else None
        if (ent.label_ in {"ORG", "NORP"} and ent[-1].lower_ in OCCUPIER_WORDS and nxt is not None
                and nxt.start == ent.end and nxt.label_ in {"GPE", "LOC"}):
            continue
        if ent.label_ in LAW_MISLABELS and len(ent) > 1 and ent[-1].lower_ in LAW_HEADS:
            ent = SpacySpan(doc, ent.start, ent.end, label="LAW")
        out.append(ent)
    return out


def _one_place_name(doc: Doc, ent: Span, nxt: Span) -> bool:
    """"Jammu and Kashmir (IIOJK)", "Occupied Jammu and Kashmir": one region, not two places."""
    if ent.label_ not in {"GPE", "LOC"} or nxt.label_ not in {"GPE", "LOC"}:
        return False
    if nxt.start != ent.end + 1 or doc[ent.end].lower_ != "and":
        return False
    if countries.lookup(ent.text) or countries.lookup(nxt.text):
        return False
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[nxt.end] if nxt.end < len(doc) else None
    return bool(
        (before is not None and before.text[:1].isupper() and not before.is_sent_start)
        or (after is not None and (after.text == "(" or after.lower_ in PLACE_NOUNS))
    )


def _shouting(token: Token) -> bool:
    """A headline or label set in capitals is not a run of acronyms."""
    words = [t for t in token.sent if t.is_alpha]
    return sum(t.text.isupper() for t in words) > max(2, len(words) // 2)


def _in_dateline(token: Token) -> bool:
    sent = token.sent
    return token.i - sent.start <= 3 and any(t.text in {":", *DASH_CHARS} for t in token.doc[token.i : token.i + 4])


def _trim(ent: Span, text: str) -> tuple[int, int]:
    """Drop a leading article and a trailing possessive or punctuation from a mention."""
    start, end = ent.start_char, ent.end_char
    surface = text[start:end]
    # "the Port of Rotterdam" loses its article; "The Hague" mid-sentence keeps it (part of the name)
    m = re.match(r"the\s+", surface) or (re.match(r"The\s+", surface) if ent.start == ent.sent.start else None)
    if m and ent.label_ != "WORK_OF_ART":
        start += m.end()
    while end > start and text[end - 1] in ".,;:!?\"'’”)":
        if text[end - 2 : end] in {"'s", "’s"}:
            end -= 2
            break
        if text[end - 1] in "'’" and end - 1 > start and text[end - 2] != "s":
            break
        end -= 1
    if text[max(start, end - 2) : end] in {"'s", "’s"}:
        end -= 2
    return start, end


def _norm(surface: str) -> str:
    return re.sub(r"[\s\-‐–]+", " ", surface.strip().lower())


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "entity"


def _is_dateline(ent: Span) -> bool:
    """ISLAMABAD/BEIJING: at the head of a paragraph is a place, never an actor."""
    sent_start = ent.sent.start
    head = ent.doc[sent_start : min(ent.end + 4, len(ent.doc))].text
    return ent.start - sent_start <= 3 and bool(re.match(rf"^[A-Z][A-Z/ ,.'-]+(?:\([^)]*\))?\s*[:{DASH_CHARS}-]", head))


def _country_for(ent: Span, surface: str, surnames: Collection[str] = ()) -> countries.Country | None:
    """The state a mention stands for, or None when it is only a place, a people or other; a capital named
    as someone's surname is not read as its government."""
    if ent.label_ not in {"GPE", "NORP", "LOC", "ORG"}:
        return None
    country = countries.lookup(surface)
    if country is not None:
        if ent.label_ == "ORG" and surface.lower() not in {"white house", "kremlin", "pentagon"}:
            return None
        return country
    capital = countries.capital_of(surface)
    if capital is not None and _acts(ent) and not _is_dateline(ent) and surface.lower() not in surnames:
        return capital
    return None


def _acts(ent: Span) -> bool:
    """A capital acts for its state when it is the subject or possessor ("Islamabad warned")."""
    root = ent.root
    if root.dep_ in {"nsubj", "nsubjpass", "agent", "poss"}:
        return True
    # "consultations launched by Islamabad"
    return root.dep_ == "pobj" and root.head.lower_ == "by"


def _person_tokens(surface: str) -> tuple[str, ...]:
    words = [w.strip(".,") for w in surface.split()]
    words = [w for w in words if w and w.lower() not in HONORIFICS]
    return tuple(w.lower() for w in words)


def _link_persons(persons, doc: Doc, text: str, add, groups: dict[str, _Group], covered: set[int]) -> None:
    """Full names first; a shorter mention joins the full name whose last (or first) name it is."""
    full: list[_Group] = []
    for ent, start, end in sorted(persons, key=lambda p: (-len(_person_tokens(text[p[1] : p[2]])), p[1])):
        toks = _person_tokens(text[start:end])
        if not toks:
            continue
        target = _match_person(toks, full)
        if target is None:
            group = add("PERSON:" + " ".join(toks), "PERSON", " ".join(w for w in text[start:end].split()
                                                                    if w.lower().strip(".") not in HONORIFICS),
                        start, end)
            group.tokens = toks
            if group not in full:
                full.append(group)
            target = group
        else:
            add(target.key, "PERSON", target.name, start, end)
        _role_from_context(doc, ent, target)
    # surnames the model did not tag ("Dar emphasised ..."), and surnames it tagged as ORG/GPE
    # a name part is a key only when one person has it: "Wang" (family name first) or "Dar"
    parts: dict[str, list[_Group]] = {}
    for g in full:
        if len(g.tokens) >= 2:
            for part in {g.tokens[0], g.tokens[-1]}:
                parts.setdefault(part, []).append(g)
    surnames = {p: gs[0] for p, gs in parts.items() if len(gs) == 1}
    if not surnames:
        return
    dateline = read_dateline(text)
    for key in list(groups):
        group = groups[key]
        if group.label in {"PERSON"} or group.country:
            continue
        toks = _person_tokens(group.name)
        target = surnames.get(toks[0]) if len(toks) == 1 else _match_person(toks, full)
        if target is not None:
            # a dateline ("WASHINGTON —" above a piece on Kerry Washington) stays a place
            moved = [m for m in group.mentions if dateline is None or not dateline.start <= m.start < dateline.end]
            target.mentions.extend(moved)
            group.mentions = [m for m in group.mentions if m not in moved]
    for token in (doc[i] for i in token_indices(doc, LOWER, surnames.__contains__).tolist()):
        if token.i in covered or token.pos_ != "PROPN":
            continue
        target = surnames.get(token.lower_)
        if target is not None and not any(m.start == token.idx for m in target.mentions):
            target.mentions.append(Mention(start=token.idx, end=token.idx + len(token.text), text=token.text))


def _match_person(toks: tuple[str, ...], full: list[_Group]) -> _Group | None:
    for group in full:
        if toks == group.tokens:
            return group
    if len(toks) == 1:
        candidates = [g for g in full if len(g.tokens) >= 2 and toks[0] in (g.tokens[-1], g.tokens[0])]
        if len(candidates) == 1:
            return candidates[0]
    elif len(toks) >= 2:
        candidates = [g for g in full if len(g.tokens) > len(toks) and g.tokens[-len(toks):] == toks]
        if len(candidates) == 1:
            return candidates[0]
    return None


def _role_from_context(doc: Doc, ent: Span, group: _Group) -> None:
    """"Chinese Foreign Minister Wang Yi", "Pakistan's Prime Minister Shehbaz Sharif", or an
    apposition ("Ishaq Dar, Pakistan's foreign minister,") give role and affiliation."""
    role, affiliation = _title_before(doc, ent.start)
    if role is None:
        role, affiliation = _title_after(doc, ent.end)
    if role and (group.role is None or len(role) > len(group.role)):
        group.role = role
    if affiliation and group.affiliation is None:
        group.affiliation = affiliation


def _title_before(doc: Doc, i: int) -> tuple[str | None, str | None]:
    words: list[Token] = []
    j = i - 1
    while j >= 0:
        tok = doc[j]
        low = tok.lower_
        if tok.is_title or (tok.is_upper and len(low) > 1) or low in TITLE_MODIFIERS or low in TITLE_HEADS:
            if tok.ent_type_ in {"GPE", "NORP"} or countries.lookup(tok.text):
                break
            if tok.ent_type_ == "PERSON" or low in HONORIFICS:
                break
            words.insert(0, tok)
            j -= 1
            continue
        # "union leader", "civil rights leader": the noun (and an adjective on it) says whose leader
        if words and tok.head in words and ((tok.pos_ == "NOUN" and tok.dep_ == "compound") or (
                tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.head != words[-1])):
            words.insert(0, tok)
            j -= 1
            continue
        break
    while words and words[0].lower_ in {"and", "of", "for", "the"}:
        words.pop(0)
    if not words or words[-1].lower_ not in TITLE_HEADS:
        return None, None
    role = doc[words[0].i : words[-1].i + 1].text
    affiliation = _affiliation_left(doc, words[0].i)
    return role, affiliation


def _affiliation_left(doc: Doc, i: int) -> str | None:
    j = i - 1
    if j >= 0 and doc[j].text in _POSSESSIVE:
        j -= 1
    if j < 0:
        return None
    ent_text = doc[j].text
    if doc[j].ent_type_:
        k = j
        while k > 0 and doc[k].ent_iob_ == "I":
            k -= 1
        ent_text = doc[k : j + 1].text
    country = countries.lookup(ent_text)
    if country is not None:
        return country.name
    if doc[j].ent_type_ == "ORG":
        return ent_text
    return None


def _title_after(doc: Doc, i: int) -> tuple[str | None, str | None]:
    """", Pakistan's foreign minister," or ", the Chinese foreign minister,"."""
    if i >= len(doc) or doc[i].text != ",":
        return None, None
    j = i + 1
    stop = min(len(doc), j + 10)
    k = j
    while k < stop and doc[k].text not in {",", ".", ";", "(", ")"}:
        k += 1
    phrase = doc[j:k]
    if not len(phrase) or phrase[-1].lower_ not in TITLE_HEADS:
        return None, None
    affiliation = None
    start = 0
    for n, tok in enumerate(phrase):
        if tok.lower_ in {"the", "a", "an"}:
            start = n + 1
            continue
        country = countries.lookup(tok.text) if tok.ent_type_ in {"GPE", "NORP"} else None
        if country is not None:
            affiliation = country.name
            start = n + 1
            if start < len(phrase) and phrase[start].text in _POSSESSIVE:
                start += 1
            continue
        break
    words = phrase[start:]
    if not len(words) or any(t.pos_ == "VERB" for t in words):
        return None, None
    role = words.text
    return role[0].upper() + role[1:], affiliation


def _repeat_names(doc: Doc, groups: dict[str, _Group], order: list[str], covered: set[int]) -> None:
    """A one-word name found once ("the Pahalgam area") is the same name where the model missed it
    ("the Pahalgam attack")."""
    single = {}
    for key in order:
        group = groups[key]
        if group.label != "PERSON" and group.mentions and " " not in group.mentions[0].text:
            single.setdefault(group.mentions[0].text, group)
    for token in (doc[i] for i in token_indices(doc, ORTH, single.__contains__).tolist()):
        group = single.get(token.text)
        if group is None or token.i in covered or token.pos_ not in {"PROPN", "NOUN", "ADJ"}:
            continue
        if any(m.start == token.idx for m in group.mentions):
            continue
        group.mentions.append(Mention(start=token.idx, end=token.idx + len(token.text), text=token.text))


def _fold_orgs(groups: dict[str, _Group], order: list[str]) -> None:
    """"the Foreign Ministry" joins "Pakistani Foreign Ministry" when it is the only candidate."""
    orgs = [groups[k] for k in order if k in groups and groups[k].label == "ORG" and groups[k].mentions]
    for short in orgs:
        s = _norm(short.name)
        longer = [g for g in orgs if g is not short and _norm(g.name).endswith(" " + s)]
        if len(longer) == 1:
            longer[0].mentions.extend(short.mentions)
            short.mentions = []


def _fold_acronyms(groups: dict[str, _Group], order: list[str], text: str) -> None:
    """"Indian Illegally Occupied Jammu and Kashmir (IIOJK)": the acronym is the same entity."""
    live = [groups[k] for k in order if k in groups and groups[k].mentions]
    by_name = {_norm(g.name): g for g in live}
    for group in live:
        for m in list(group.mentions):
            after = text[m.end : m.end + 16]
            am = re.match(r"\s*\(([A-Z][A-Za-z]{1,9})\)", after)
            if not am:
                continue
            acronym = by_name.get(am.group(1).lower())
            if acronym is not None and acronym is not group:
                group.mentions.extend(acronym.mentions)
                acronym.mentions = []


class EntityStage:
    name = "entities"

    def __call__(self, article: Article) -> None:
        article.entities = link_entities(article)


def make_stage(settings: Settings) -> EntityStage:
    return EntityStage()
