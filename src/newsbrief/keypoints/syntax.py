"""What spaCy's parse says of a phrase that a cut must respect: a clause a noun cannot do without, a
list's last item, a verb's particle, the main clause a bullet needs.

Hand-written: these are readings of the dependency parse for one purpose (which deletions keep a
sentence whole); no library answers them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import (
    AMOUNTS,
    DASHES,
    FINITE_TAGS,
    NEEDS_OF,
    PARTICLES,
    PEOPLE,
    PICTURES,
    PURPOSE_NOUNS,
    RELATIVIZERS,
    SHOWING,
    SPEAKING_VERBS,
    TIME_NOUNS,
    UNITS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def interrupting_event(root: Token) -> int | None:
    """"The mother was holding him [when he slipped and fell into the pit]": in "was doing X when Y happened" the
    "when" clause is what happened (the main clause only sets the scene), so it stays with it; so it does in what
    someone says happened ("Witnesses say Chohan was leaving her car [when she was hit]")."""
    for scene in (root, *(c for c in root.rights if c.dep_ == "ccomp")):
        if scene.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in {"was", "were"} for c in scene.children):
            return next((c.i for c in scene.rights if c.dep_ == "advcl" and c.left_edge.lower_ == "when"), None)
    return None


def no_main_clause(root: Token, keep: set[int], quoted: set[int]) -> bool:
    """The parse found no main clause the bullet keeps: "Following an outcry from 9/11 victims' groups, the bill"
    (no finite verb at all), "Obama addresses Trump's concerns, [stating state authorities – and not the federal
    government –] are in charge" (the verb after the dash was the stated clause's, not the subject's)."""
    doc = root.doc
    # relative clauses opened by a relative pronoun ("Wealthy donors handed over $25 million" is a main verb the
    # parser took for one), and their own verbs with their auxiliaries
    clauses = [c for c in root.children if c.dep_ == "relcl" and c.i in keep and any(
        g.tag_ in RELATIVIZERS and g.i in keep for g in c.children)]
    # ("a police officer that was parked nearby and witnessed the incident chased after the car": a later verb
    # joined with no "and" or comma, or hung on a noun of the clause, is the main one)
    own = {v.i for c in clauses for v in (c, *c.conjuncts) if v is c or doc[v.left_edge.i - 1].dep_ == "cc"
           or doc[v.left_edge.i - 1].text == ","}
    own |= {g.i for i in own for g in doc[i].children if g.dep_ in {"aux", "auxpass"}}
    if root.pos_ in {"NOUN", "PROPN"} and clauses and not any(
            doc[i].tag_ in FINITE_TAGS or (doc[i].dep_ == "acl" and doc[i].tag_ in {"VBD", "VBN"} and i > max(own))
            for i in keep - quoted - own):
        # "A timewarp home which has remained unchanged[ since the 1930s is up for sale], oil-fired central heating":
        # the parser hung the main verb inside the relative clause, and a cut took it; what is left names a thing
        # and says nothing of it ("A police officer that was parked nearby chased after the car" keeps its verb)
        return True
    if root.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in root.children) and not any(
            doc[i].pos_ in {"VERB", "AUX"} and not any(a.dep_ == "advcl" for a in [doc[i], *doc[i].ancestors])
            for i in keep):
        # "An avid interest in poker, as it turns out": the answer to the sentence before, not a statement
        return True
    if root.tag_ == "VBG" and not any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "csubj"} for c in root.children) and not any(
            doc[i].tag_ in FINITE_TAGS for i in keep if i not in quoted):
        return True
    return any(c.dep_ == "conj" and c.i in keep and c.tag_ in FINITE_TAGS and is_dash(doc[c.left_edge.i - 1])
               and not any(g.dep_ in {"nsubj", "nsubjpass", "expl", "cc"} for g in c.children)
               and not any(d.dep_ == "cc" and root.i < d.i < c.i for d in root.children) for c in root.children)


def _list_of_names(appos: Token) -> bool:
    """"The count is Donald Trump 384, Ted Cruz 300, Marco Rubio 151, and John Kasich 37": names the parser hung each
    on the one before as an apposition, the last joined by "and", are a list, not an aside."""
    if appos.pos_ != "PROPN":
        return False
    top = appos
    while top.dep_ == "appos" and top.head.pos_ == "PROPN" and top.head.i != top.i:
        top = top.head
    if top.dep_ == "appos":
        return False  # names in apposition to a noun: "The producers, Craig Zadan and Neil Meron,"
    chain = [top]
    while chain:
        name = chain.pop()
        if any(c.dep_ == "cc" for c in name.children) and any(
                c.dep_ == "conj" and c.pos_ == "PROPN" for c in name.children):
            return True
        chain.extend(c for c in name.children if c.dep_ == "appos" and c.pos_ == "PROPN")
    return False


def in_list_of_names(appos: Token) -> bool:
    """An apposition that is one of a list of names, or the number straight after one ("Dan Ortiz[ <- appos] 300"),
    or one whose "and" leads to the list's next item ("by Pope Francis, actor George Clooney and even by …")."""
    return _list_of_names(appos) or (appos.like_num and appos.i == appos.head.i + 1 and _list_of_names(appos.head)) or (
        appos.head.dep_ == "pobj" and any(c.dep_ == "cc" and c.i == appos.right_edge.i for c in appos.children))


def cut_clausal_subject(root: Token, keep: set[int]) -> bool:
    """"Obama rebuked critics …[, saying calling the Islamic State by another name] will do nothing": the main clause,
    misread as the subject of a later one, lost its tail, which leaves it running into the later clause's verb. (A
    true clausal subject has its mark or wh-word: "What he said was true", "That he won …"; uncut, the misparse
    reads right.)"""
    return any(c.dep_ == "csubj" and c.tag_ in {"VBD", "VBN", "VBZ", "VBP"} and any(
        g.dep_ in {"nsubj", "nsubjpass"} for g in c.children) and not any(
        g.dep_ == "mark" or g.tag_ in RELATIVIZERS | {"WRB"} for g in c.children) and any(
        t.i > c.i and t.i not in keep and not t.is_punct for t in c.subtree) for c in root.lefts)


def extraposed(it: Token, keep: set[int]) -> bool:
    """An "it" that stands for a clause the bullet keeps ("It is unclear whether …", "It's rare for a director
    not to …", "It's no secret that …", "It's been two months since …"), or for the time ("It's time for …");
    not the "it" of "It is expected to carry 900 passengers"."""
    verb = it.head
    predicate = any(c.dep_ in {"acomp", "attr"} for c in verb.children)
    for c in verb.children:
        if c.i <= it.i or c.i not in keep:
            continue
        if _clause_for_it(c) or (c.dep_ == "attr" and c.lemma_.lower() == "time") or (
                # "It's a bad idea to hire …", "It takes four seasons to …"
                c.dep_ == "xcomp" and (predicate or verb.lemma_.lower() in {"take", "cost"})):
            return True
        if c.dep_ in {"acomp", "attr"} and any(
                (_clause_for_it(g) or g.dep_ == "xcomp") and g.i in keep for g in c.children):
            return True  # "It's worth noting that …", "It's hard to see why …"
        if c.dep_ == "prep" and c.lower_ == "for" and any(t.dep_ == "aux" and t.lower_ == "to" for t in c.subtree):
            return True  # "It's rare [for a crossing of that length to open] …"
    return False


def _clause_for_it(tok: Token) -> bool:
    """A clause an expletive "it" can stand for, as the parser hangs it."""
    if tok.dep_ in {"ccomp", "csubj", "acl"}:
        return True
    if tok.dep_ == "relcl":  # "It's no secret that …", "It's the second year that …" (not "It's a place she knew")
        return any(t.lower_ == "that" for t in tok.doc[tok.head.i + 1 : tok.i])
    # "It is unclear if …", "It's up to them to …", "It's been a year since …"
    return tok.dep_ == "advcl" and any(
        (c.dep_ == "mark" and c.lower_ in {"for", "if", "whether", "that", "since", "until"})
        or (c.dep_ == "aux" and c.lower_ == "to") for c in tok.children)


def clause_core(root: Token) -> set[int]:
    """The clause's skeleton, never deleted: its verb, subject and object heads."""
    core = {root.i}
    for child in root.children:
        if child.dep_ in {"nsubj", "nsubjpass", "dobj", "attr", "acomp", "xcomp", "ccomp", "aux", "auxpass", "neg",
                          "prt", "oprd"}:
            core.add(child.i)
    return core


def predicate_phrase(tok: Token) -> bool:
    """"was in breach", "is not in their sights": the phrase after "be" is what the clause says."""
    return tok.dep_ == "prep" and tok.head.lemma_ == "be" and not any(
        c.dep_ in {"attr", "acomp"} for c in tok.head.children)


def absolute_participle(participle: Token) -> bool:
    """The participle that says what the noun "with" governs does: "with one of those matches suspended for two
    years"; not one that works as a preposition ("hit with a ban following the abandonment")."""
    return participle.dep_ == "acl" and participle.tag_ in {"VBN", "VBG"} \
        and participle.lower_ not in PREPOSITION_PARTICIPLES and _object_of_with(participle.head)


PREPOSITION_PARTICIPLES = frozenset({"following", "including", "according", "regarding", "concerning", "considering",
                                     "excluding", "involving", "surrounding", "pending", "barring", "given"})


def _object_of_with(noun: Token) -> bool:
    """The noun "with" or "without" governs, directly or through "of": "with [one of] those matches suspended"."""
    while noun.dep_ == "pobj":
        prep = noun.head
        if prep.lower_ in {"with", "without"}:
            return True
        if prep.lower_ != "of" or prep.head.pos_ not in {"NOUN", "NUM", "PRON"}:
            return False
        noun = prep.head
    return False


def is_dash(tok: Token, spaces: bool = False) -> bool:
    """A dash, or a hyphen spaced as one ("- after Cruz came in third -"), not the hyphen of "I-Vt."; with
    ``spaces``, a space token before it counts as a space ("Mali,\xa0- \xa0the tenth time")."""
    if tok.text in DASHES:
        return True
    if tok.text != "-" or not tok.whitespace_ or tok.i == 0:
        return False
    before = tok.doc[tok.i - 1]
    return bool(before.whitespace_) or (spaces and before.is_space)


def last_of_list(tok: Token) -> bool:
    """A later item of a list of three or more ("the campaign, 32 state committees and [the DNC]"): cut, the rest
    of the list would read as whole."""
    if tok.dep_ != "conj" or tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    if any(c.dep_ == "cc" and c.lower_ in {"or", "nor"} and c.i < tok.i for c in tok.head.children):
        return True  # "to win Iowa or [New Hampshire]": one of two choices is no shorter way of saying both
    return tok.head.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children) or sum(
        1 for c in tok.head.children if c.dep_ == "conj") >= 2


def clause_after_as(tok: Token) -> bool:
    """The verb of an "as" clause the parser read as a participle on a noun after a preposition "as": "watched as the
    video boards [mixed in congratulatory remarks]" (cut, it leaves "watched as the video boards")."""
    head = tok.head
    return tok.dep_ == "acl" and tok.tag_ in {"VBD", "VBN"} and tok.i == head.i + 1 and head.dep_ == "pobj" and (
        head.head.lower_ == "as") and not any(c.dep_ == "agent" for c in tok.children) and any(
        c.dep_ in {"prep", "dobj", "prt"} for c in tok.children)


def relative_phrase(relativizer: Token) -> Token:
    """The phrase a relative word opens its clause with: "which", or "a copy [of which]"."""
    if relativizer.dep_ == "pobj" and relativizer.head.dep_ == "prep" and relativizer.head.head.i < relativizer.i:
        return relativizer.head.head
    return relativizer


def listed_participle(tok: Token) -> bool:
    """A participle with a conjunct that the parser hung on a noun: "[captured] and displaced" after "killed,"."""
    return tok.dep_ == "acl" and tok.tag_ in {"VBN", "VBD"} and any(c.dep_ == "conj" for c in tok.children)


def list_end(tok: Token) -> bool:
    """The "and" before the last item of a list of three or more ("mice, cockroaches and bed bugs")."""
    if tok.dep_ != "cc":
        return False
    head = tok.head
    return head.dep_ == "conj" or any(c.dep_ == "conj" and c.i < tok.i for c in head.children)


def counted_participle(tok: Token) -> bool:
    """A participle right after a counted noun, which it says which of: "seven minutes remaining", "49 people
    killed"; or the "to go" of a time still to run ("with less than two weeks [to go until polling day]")."""
    if tok.lower_ in {"go", "spare"} and tok.i >= 2 and tok.doc[tok.i - 1].lower_ == "to" and (
            tok.doc[tok.i - 2].lemma_.lower() in UNITS):
        return True
    return tok.dep_ == "acl" and tok.tag_ in {"VBG", "VBN"} and tok.i == tok.head.i + 1 and any(
        c.dep_ == "nummod" for c in tok.head.children)


def needed_clause(tok: Token) -> bool:
    """The clause that says who "those" or "anyone" are: "happier than those [who are driven to school]", which
    one a copula's subject is, what a fact is or when a time was."""
    if tok.dep_ not in {"relcl", "acl"}:
        return False
    if tok.dep_ == "acl" and tok.lower_ == "been" and not any(c.dep_ in {"aux", "nsubj"} for c in tok.children):
        return True  # "but rarely have the differences … [been as stark]": the verb of an inverted clause
    head = tok.head
    if head.pos_ == "NOUN" and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
        # "Mike's individuality – the fact [that POLITICO allowed him…] –", "it's a good bet [that a fourth state will
        # play a role]": a "that" which opens a clause, not one standing for the noun, says what the noun holds
        return True
    if tok.dep_ == "acl" and tok.tag_ in {"VBN", "VBD"} and tok.i == head.i + 1 and head.dep_ == "dobj" and (
            head.head.lemma_.lower() in {"leave", "keep", "get", "have", "render", "want"}):
        return True  # "left the generals' hands [tied]": the state the verb left its object in is what it says
    if head.lower_ in {"time", "moment"} and tok.left_edge.lower_ == "when":
        return True  # "painful at a time [when political rhetoric is dividing the country]"
    if head.lower_ in TIME_NOUNS and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children) and (
            tok.left_edge.lower_ in {"when", "in", "on", "during"} and tok.dep_ == "relcl"):
        return True  # "after an evening [in which their relegation was marked by protests]": which evening
    if tok.dep_ == "relcl" and head.dep_ == "attr" and head.head.lemma_ == "be" and any(
            c.dep_ == "expl" for c in head.head.children):
        # "There are some circumstances [in which the argument might be true]": what there is, the clause says
        return True
    if head.lower_ in {"those", "anyone", "anybody", "everyone", "everybody", "someone", "somebody"} or (
            head.lower_ == "one" and head.pos_ in {"NUM", "PRON", "NOUN"} and tok.dep_ == "relcl"):
        return True  # "… shift the conversation from one [that has proved a loser]"
    if tok.dep_ == "relcl" and head.dep_ in {"nsubj", "nsubjpass"} and head.lower_ in PEOPLE and any(
            c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children) and head.head.lemma_ == "be":
        # "a man [who has also been linked with United] is not in their sights": which man it is ("A man [who was
        # fired last week] walked into his former office" tells an event of its own)
        return True
    if tok.dep_ == "acl" and head.lemma_.lower() in PURPOSE_NOUNS and any(c.tag_ == "TO" for c in tok.children):
        return True  # "pledged her vote in an effort [to wrap up the primary]": the effort is what it is for
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children) and head.dep_ in {"dobj", "npadvmod"} and (
            head.head.lemma_.lower() in SPEAKING_VERBS):
        return True  # "said around 7 a.m. [that there had been no reports]": what was said, hung on the time
    # "The only thing [stopping Philly from being buried] is that …", "The man [who shot him] was a guard": the
    # clause says which one the sentence is about, and the copula equates that one with something else
    verb = head.head
    marks = DASHES | {",", "(", ")", "-"}  # a clause set off by marks on either side is an aside
    restrictive = tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text not in marks and (
        tok.right_edge.i + 1 < len(tok.doc) and tok.doc[tok.right_edge.i + 1].text not in marks)
    return restrictive and head.dep_ == "nsubj" and head.i < tok.i < verb.i and verb.lemma_ == "be" and (
        verb.dep_ == "ROOT") and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def object_state(tok: Token) -> bool:
    """The state a verb leaves its object in, which the parser hung on the object: "will keep the writer, who …,
    [awake] at night"."""
    head = tok.head
    return tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.i > head.i and head.dep_ == "dobj" and (
        head.head.lemma_.lower() in {"keep", "leave", "make", "render", "drive", "hold", "get", "find"})


def ranked_infinitive(tok: Token) -> bool:
    """The infinitive that ranks a noun: "the first woman [to lead the club]", "the third school [to come under
    fire]", "the only player [to score]", "the fifth coach [to be fired]"."""
    passive = tok.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in tok.children)
    if tok.dep_ not in {"relcl", "acl", "advcl"} or (tok.tag_ != "VB" and not passive) or not any(
            c.tag_ == "TO" for c in tok.children):
        return False
    head = tok.head
    if tok.dep_ == "advcl":
        # "became the first woman in the club's history [to take charge]": the parser hangs it on the copula
        if head.lemma_.lower() not in {"be", "become", "remain"}:
            return False
        head = next((c for c in head.children if c.dep_ == "attr" and c.i < tok.i), None)
        if head is None:
            return False
    return any(t.ent_type_ == "ORDINAL" or t.tag_ == "JJS" or t.lower_ in {"only", "last", "next"}
               for t in (head, *head.lefts))


def what_it_is_done_for(tok: Token) -> bool:
    """"has done more [to advance the cause of women]": doing more, enough or everything says nothing without what
    for."""
    return tok.dep_ in {"advcl", "xcomp"} and any(c.tag_ == "TO" for c in tok.children) and any(
        c.dep_ == "dobj" and c.lower_ in AMOUNTS for c in tok.head.children)


def shown_action(tok: Token) -> bool:
    """What a picture or a witness shows someone doing: "the video shows the teams [drilling through concrete]"."""
    return tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.i == tok.head.i + 1 and any(
        a.lemma_.lower() in SHOWING for a in tok.ancestors)


def comparison_end(marker: Token) -> Token | None:
    """The phrase an "as" or "than" opens that ends a comparison begun before it: "as far [as the eye can see]",
    "more [than ever]"."""
    phrase = marker if marker.dep_ == "prep" else marker.head if marker.dep_ == "mark" else None
    if phrase is None or phrase.left_edge.i != marker.i or phrase.head.i == phrase.i:
        return None
    compared = phrase.head
    if marker.lower_ == "than":
        begun = compared.tag_ in {"JJR", "RBR"} or any(c.lower_ in {"more", "less"} for c in compared.children)
    else:  # "as far as", "so much as": the first "as" hangs on the word compared, before it
        begun = any(c.lower_ in {"as", "so"} and c.i < compared.i and c.i != phrase.i for c in compared.children)
    return phrase if begun else None


def needs_its_of(tok: Token) -> bool:
    """A word that says nothing without the "of" after it: "some [of that magic]", "two [of the cases]",
    "pushed her out [of the way]", "3 miles southwest [of Cobb]"."""
    point_of_view = tok.lower_ == "view" and tok.i >= 2 and tok.doc[tok.i - 2].lower_ == "point"  # "[of a driver]"
    # "3 miles southwest [of Cobb]": where from
    compass = re.fullmatch(r"(?:north|south)?-?(?:east|west)|north|south", tok.lower_) is not None
    return (tok.lower_ in NEEDS_OF or compass or (tok.lower_ in PICTURES and tok.dep_ in {"dobj", "pobj"}) or (
        tok.like_num and tok.pos_ == "NUM") or tok.lower_ == "out" or point_of_view or (
        # "for the deaths [of an Arkansas woman]": "the" points at what the "of" names
        tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)) or (
        # "the doc was a result [of people who were disgruntled]": what the subject is, the "of" says
        tok.dep_ == "attr" and tok.pos_ == "NOUN")) and any(
        c.lower_ == "of" and c.dep_ == "prep" for c in tok.children)


def verb_particle(tok: Token) -> bool:
    """"backed out", "gave up": a verb's particle the parser took for a preposition or adverb."""
    return (tok.dep_ in {"prt", "prep", "advmod"} and tok.i == tok.head.i + 1 and tok.head.pos_ == "VERB"
            and tok.lower_ in PARTICLES and not any(c.dep_ in {"pobj", "pcomp"} for c in tok.children))
