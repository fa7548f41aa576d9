"""Past to present: the present form of a past verb, and whether its subject is plural.

Hand-written: English third-person agreement from a lemma needs only a handful of spelling rules.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..quotes.lexicon import load as cue_lexicon
from .lexicon import DASHES, SAY_VERBS
from .rank import rarity

if TYPE_CHECKING:
    from spacy.tokens import Token


PLURAL_PRONOUNS = {"they", "we", "you", "i", "both", "some", "many", "several", "few", "others", "those", "these"}


def is_future(verb: Token) -> bool:
    """The verb tells what is to happen: "will be made", "is due to repay", "is set to meet"."""
    for v in (verb, verb.head):
        if any(c.lower_ in {"will", "shall", "'ll"} and c.dep_ == "aux" for c in v.children):
            return True
        if v.dep_ == "xcomp" and v.head.lemma_.lower() in {"set", "due", "expect", "schedule", "plan"}:
            return True
    return False


def split_perfect(verb: Token) -> bool:
    """"The board had, earlier Tuesday, sent an email": the parser made "had" the main verb and left the participle
    unlabelled after it."""
    have = verb.head
    return verb.dep_ == "dep" and verb.tag_ in {"VBD", "VBN"} and have.lemma_.lower() == "have" and (
        have.i < verb.i) and not any(c.dep_ == "dobj" for c in have.children)


def shares_perfect_infinitive(verb: Token) -> bool:
    """"claimed to have shot and beheaded 30 men": the parser joined the second participle to the main verb, but it
    shares the "to have" of the one before its "and" (and is no verb of the main clause to re-tense)."""
    if verb.dep_ != "conj" or verb.tag_ not in {"VBD", "VBN"} or verb.i < 2 or any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children):
        return False
    cc, before = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    return cc.dep_ == "cc" and before.tag_ == "VBN" and before.dep_ == "xcomp" and before.head == verb.head and any(
        a.lower_ == "have" for a in before.children if a.dep_ == "aux") and any(
        a.lower_ == "to" for a in before.children if a.dep_ == "aux")


DATING_PREPS = {"in", "since", "until", "during", "before", "after", "by", "from"}


def says_when(year: Token) -> bool:
    """A year that dates something ("in 2008", "since 1999", "in February of 1986"), not one that names a thing
    ("the 2018 tournament", "the contests of 2016", "struck by a gray 2013 Toyota")."""
    prep = year.head
    if year.dep_ != "pobj" or any(c.dep_ in {"det", "amod", "poss"} for c in year.children):
        return False
    return prep.lower_ in DATING_PREPS or (prep.lower_ == "of" and prep.head.ent_type_ == "DATE")


def past_event(head: Token) -> bool:
    """A clause in the simple past that tells of an event ("he stole", "was abused"), not of a state ("was tired",
    "wanted", "was expected to")."""
    lemma = head.lemma_.lower()
    if head.tag_ == "VBD":
        return lemma not in STATES and not any(c.dep_ in {"acomp", "attr", "xcomp", "ccomp"} for c in head.children)
    return head.tag_ == "VBN" and lemma not in STATES and any(
        c.dep_ == "auxpass" and c.tag_ == "VBD" for c in head.children) and not any(
        c.dep_ in {"xcomp", "acomp"} for c in head.children)


# verbs that report what someone said or holds (the quotes layer's cue lexicon); the tense of what follows tells when
REPORTING = SAY_VERBS | frozenset(cue_lexicon().verbs)


# verbs of states: under a past "said", a present truth ("said she wanted", "said it was known")
STATES = {"be", "have", "want", "need", "know", "believe", "think", "feel", "like", "love", "hate", "hope", "wish",
          "expect", "intend", "plan", "remain", "seem", "appear", "own", "mean", "understand", "prefer", "fear",
          "deserve", "belong", "consider", "support", "oppose", "require", "allow", "schedule", "suppose", "owe",
          "contain", "include", "lack", "depend", "matter", "cost", "weigh", "exist", "live", "stay", "struggle",
          "regret", "doubt", "suspect", "trust", "wonder", "worry", "care", "agree", "disagree", "realise", "realize",
          "recognise", "recognize", "remember", "imagine"}


def spelled_out(contraction: Token) -> str | None:
    """The word a contraction after "he"/"she" stands for, where its form says which: "'s been" is "has
    been", "'s going" "is going", "'ll" "will"; "'d" (had or would) and anything else are left to the caller."""
    low = contraction.lower_.replace("’", "'")
    nxt = contraction.nbor(1) if contraction.i + 1 < len(contraction.doc) else None
    if low == "'s":
        # "'s arrested" is a passive ("is"), "'s gone" a perfect ("has"), as the parser tells them apart
        perfect = nxt is not None and (nxt.lower_ in {"been", "got"} or (
            nxt.tag_ == "VBN" and contraction.dep_ == "aux"))
        return "has" if perfect else "is"
    return {"'ll": "will"}.get(low)


def subject_of(verb: Token) -> Token | None:
    tok: Token | None = verb
    for _ in range(3):
        if tok is None:
            return None
        subjects = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
        if subjects:
            # "The Latest: 3 NH towns cast …", "Mannheim - Wladimir Klitschko retained …": a label or a dateline the
            # parser took for a first subject
            return next((c for c in reversed(subjects[1:]) if c.i < tok.i and any(
                t.text in {":", "-", *DASHES} for t in tok.doc[subjects[0].i + 1 : c.left_edge.i])), subjects[0])
        tok = tok.head if tok.dep_ in {"conj", "xcomp"} and tok.head.i != tok.i else None
    return None


def is_plural(subject: Token | None, replacements: dict[int, str],
               surnames: set[str] | frozenset[str] = frozenset()) -> bool:
    if subject is None:
        return False
    if subject.i in replacements:
        return " and " in replacements[subject.i]
    low = subject.lower_
    if subject.tag_ == "EX":
        # "there have been no reports": what there is takes the number
        what = next((c for c in subject.head.children if c.dep_ == "attr"), None)
        return what is not None and what is not subject and is_plural(what, replacements, surnames)
    if low in PLURAL_PRONOUNS:
        return True
    if low in {"he", "she", "it", "this", "that", "who", "which"} and not any(
            c.dep_ == "conj" for c in subject.children):  # "he and Obama have"
        return False
    conjuncts = [c for c in subject.children if c.dep_ == "conj"]
    named = conjuncts[0] if conjuncts and conjuncts[0].ent_type_ == "PERSON" else next(
        (c for c in subject.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    if len(conjuncts) == 1 and subject.tag_ == "NN" and not subject.ent_type_ and named is not None and not any(
            c.dep_ in {"det", "poss"} for c in (*subject.children, *conjuncts[0].children)):
        # "GOP contender and former neurosurgeon Ben Carson responds", "Real estate mogul and reality television star
        # Donald Trump tweets": one person's two titles
        return False
    if conjuncts or any(c.lower_ == "both" for c in subject.children):
        return True
    # "Ford, coach Roy Williams and director Dick Baddour presented": a list the parser hung on its first name as an
    # apposition that runs into the verb ("The producers, Craig Zadan and Neil Meron, say" is the plural anyway)
    if subject.pos_ == "PROPN" and any(
            c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children) and c.right_edge.i + 1 == subject.head.i
            and subject.head.i > subject.i for c in subject.rights):
        return True
    # "Henderson and Liverpool goalkeeper Simon Mignolet": the parser can hang the pair inside the name's
    # modifiers; an "and" there after a person's name joins two people ("Ex-Killie and Hearts player Locke"
    # is one)
    if any(t.lower_ == "and" and t.dep_ == "cc" and t.head.ent_type_ == "PERSON" and not t.ent_type_
           for left in subject.lefts for t in left.subtree):
        return True
    team = re.fullmatch(r"[A-Z0-9][\w']*[^suiy']s", subject.text) and subject.lower_ not in SINGULAR_ORGS
    if team and subject.ent_type_ == "ORG" and subject.tag_ in {"NNP", "NNPS"} and any(
            c.lower_ == "the" for c in subject.children):
        return True  # "the Trail Blazers rebuff him", "the Rolling Stones play": a team or band by its members
    if subject.ent_type_ == "PERSON" or subject.text in surnames:
        return False  # "Wilmots admitted": a surname ending in s is tagged NNPS, but is one person
    if low == "number" and any(c.lower_ == "a" for c in subject.children):
        return True  # "a number of writers suggest"; "the number of deaths rises"
    if low in {"percent", "%", "majority", "half", "third", "quarter", "rest", "most", "all", "some", "lot", "lots"}:
        # "50 percent of respondents choose", "the rest of the money goes", "a lot of them immigrate": the part takes
        # its whole's number
        whole = next((g for c in subject.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
        if whole is not None:
            return whole.tag_ in {"NNS", "NNPS"} or whole.lower_ in {"them", "us", "you", "those", "these"}
        if low == "all":
            return True  # "all but two say"
        if low in {"percent", "%", "half", "third", "quarter"} and subject.head.lemma_.lower() in REPORTING:
            return True  # "21 percent say they would not vote": a share of those asked
    if _capitalised_plural(subject):
        return True
    if subject.tag_ == "CD":
        # "two landed inside the camp": a count of more than one; "$800,000 was spent" is one sum
        return low not in {"one", "1"} and subject.ent_type_ != "MONEY"
    return subject.tag_ in {"NNS", "NNPS"}


PLURAL_RARITY = 5.4  # below it, a word is in wordfreq's list of common English words


# the plural last words of names that stand for one body: "The New York Times reports", "the United Nations says"
SINGULAR_ORGS = {"times", "news", "nations", "states", "games", "affairs", "services", "sciences", "industries",
                 "airlines", "systems", "holdings", "communications", "partners", "associates", "brothers", "records",
                 "studios", "pictures", "networks", "technologies", "resources", "forces", "commons", "lords"}

# words in -s that are no plurals (as those in -ics are not: politics, economics)
SINGULAR_IN_S = {"news", "series", "species", "means", "headquarters", "measles", "diabetes", "crossroads", "mumps"}


def _capitalised_plural(tok: Token) -> bool:
    """"Aides said …", "Houses collapsed …": a plural noun the tagger took for a name because it opens the sentence
    (a common English word, and so is its singular)."""
    if tok.tag_ != "NNP" or tok.ent_type_ or not tok.is_title or any(
            c.dep_ in {"det", "compound"} for c in tok.children):
        return False
    if tok.i > 0 and not (tok.doc[tok.i - 1].is_punct or tok.doc[tok.i - 1].is_space):
        return False
    low = tok.lower_
    if not low.endswith("s") or low.endswith(("ss", "ics")) or low in SINGULAR_IN_S:
        return False
    singulars = [low[:-1], low[:-2]] if low.endswith("es") else [low[:-1]]
    return rarity(low) < PLURAL_RARITY and any(rarity(w) < PLURAL_RARITY for w in singulars)


# past participles that are never a past tense: "shown" is never "showed"
PARTICIPLES_ONLY = {
    "shown", "seen", "taken", "given", "written", "done", "gone", "known", "eaten", "beaten", "broken", "chosen",
    "driven", "fallen", "forgotten", "frozen", "hidden", "ridden", "risen", "spoken", "stolen", "sworn", "thrown",
    "worn", "begun", "flown", "grown", "drawn", "blown", "torn", "born", "borne", "proven", "shaken", "woken",
    "forbidden", "forgiven", "bitten", "mistaken", "undertaken", "overtaken", "withdrawn", "overthrown", "sunk",
    "shrunk", "sprung", "swum", "sung", "rung", "drunk"}


IRREGULAR_3SG = {"be": "is", "have": "has", "do": "does", "go": "goes"}


def third_person(lemma: str) -> str:
    if lemma in IRREGULAR_3SG:
        return IRREGULAR_3SG[lemma]
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    if re.search(r"(s|sh|ch|x|z|o)$", lemma):
        return lemma + "es"
    return lemma + "s"


def own_clause(head: Token) -> list[Token]:
    """The words of a clause without the clauses inside it."""
    out = [head]
    stack = list(head.children)
    while stack:
        tok = stack.pop()
        if tok.pos_ in {"VERB", "AUX"} and tok.dep_ in {"conj", "ccomp", "advcl", "relcl", "acl", "xcomp", "csubj"}:
            continue
        out.append(tok)
        stack.extend(tok.children)
    return out


def present_form(verb: Token, plural: bool) -> str | None:
    """The present-tense form of a past-tense verb or auxiliary, or None when it is not past."""
    if verb.tag_ != "VBD" and not _past_mistagged(verb):
        return None
    if verb.lower_ in PARTICIPLES_ONLY:
        return None  # "Jury shown horrific moment …": a headline's passive the tagger took for a past, not "shows"
    lemma = verb_lemma(verb)
    if lemma in {"will", "would", "could", "should", "might", "must", "can", "may", "shall"}:
        return None
    if lemma == "be":
        if verb.lower_ == "were":
            return "are"
        return "are" if plural else "is"
    if not lemma.isalpha():
        return None
    if lemma == verb.lower_ and lemma not in SAME_IN_THE_PAST:
        return None  # "misspoke": a past form the lemmatizer does not know stays as it is, not "misspokes"
    return lemma if plural else third_person(lemma)


def verb_lemma(verb: Token) -> str:
    """The verb's lower-cased lemma, with the "e" the lemmatizer can take from a regular past: "fined" is "fine", not
    "fin" (whose past doubles its last letter: "finned")."""
    lemma = verb.lemma_.lower()
    if verb.lower_ == lemma + "ed" and re.fullmatch(r"[^aeiouy]*[aeiou][^aeiouwxy]", lemma):
        return lemma + "e"
    return lemma


def _past_mistagged(verb: Token) -> bool:
    """A past form the tagger took for another: "Mr. Obama's eyes welled" (a participle with no auxiliary, as
    the main verb), "Mr. Trump leapt" (tagged as a present form, which would end in "s")."""
    if verb.tag_ == "VBN":
        if verb.lower_.endswith(("n", "ne", "ung", "um", "unk")):
            return False  # "drawn", "done", "begun": a participle that is no past form
        # an active verb has what it acts on or towards ("expressed outrage", "welled with tears"); "Daggers drawn",
        # "emails deemed classified", "One report posted online by …" are passives without their "is", and so is
        # "Five people were killed, 250 others injured" (clauses that share the first "were")
        deps = {c.dep_ for c in verb.children}
        passive = {"aux", "auxpass", "agent", "oprd", "ccomp"}
        if verb.dep_ == "conj" and verb.head.tag_ == "VBD" and verb.lower_.endswith("ed") and not any(
                c.dep_ in {"aux", "auxpass"} for c in verb.head.children) and not deps & (passive | {"nsubj"}) and (
                deps & {"dobj", "dative", "prt", "prep"}):
            return True  # "Nega traveled abroad and lectured on human rights": a second past verb of the subject
        # (in a clause that says when, only an object tells: "as a strike paralysed Greece", but "as two officers
        # charged over the shooting prepared to …")
        return "nsubj" in deps and not deps & passive and (
            (verb.dep_ == "ROOT" and bool(deps & {"dobj", "dative", "prt", "prep", "xcomp"}))
            or (verb.dep_ == "advcl" and "dobj" in deps))
    return verb.tag_ == "VBZ" and not verb.lower_.endswith("s") and verb.lemma_.lower() != verb.lower_


# verbs whose past is their base form: "cut" in the past tense is "cuts" today
SAME_IN_THE_PAST = {"cut", "put", "set", "hit", "let", "cost", "hurt", "quit", "shut", "spread", "bet", "cast", "burst",
                    "split", "broadcast", "upset", "beat", "bid", "read", "shed", "thrust", "forecast", "offset",
                    "reset", "slit", "spit", "wed", "rid", "knit", "fit", "input", "output", "preset", "outbid"}
