"""The English words the headline compressor reads a parse with: verbs that need their preposition or
infinitive, time words, titles, the nouns for a person or a group.

Hand-written: each list answers one question a cut asks ("does this verb say anything without its
phrase?") that no lexicon a package ships answers; every entry came from a bullet that went wrong.
"""

from __future__ import annotations

import re

from ..document import DASH_CHARS
from ..entities import TITLE_MODIFIERS

# "…, it has emerged", "…, his doctor maintains": a closing source, like "…, police said"
SAY_VERBS = {"say", "report", "tell", "add", "state", "write", "read", "announce", "confirm", "claim", "note", "hear",
             "maintain", "insist", "contend", "emerge", "reveal"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}  # a verb that makes a clause of its own
# verbs of change, whose amount (or what it came to) is what they say: "will grow [1.6 percent]", "improved the
# fighter [to 52-3]"
CHANGING = {"grow", "rise", "fall", "drop", "climb", "increase", "decrease", "expand", "shrink", "jump", "slip", "gain",
            "decline", "surge", "plunge", "soar", "slide", "tumble", "improve", "raise", "lower", "cut", "reduce",
            "boost", "lift"}
# verbs that say nothing without the phrase their preposition opens: "accused [of fraud]", "charged [with murder]",
# "were taken [to the hospital]"
NEEDS_PREPOSITION = {"accuse": "of", "convict": "of", "suspect": "of", "acquit": "of", "charge": "with",
                     "sentence": "to", "take": "to", "bring": "to", "send": "to", "rush": "to", "airlift": "to",
                     "transfer": "to", "transport": "to", "admit": "to", "move": "to", "attribute": "to", "link": "to",
                     "tie": "to", "devote": "to", "subject": "to", "expose": "to", "throw": "into", "plunge": "into",
                     "base": "on", "turn": "into", "convert": "into", "transform": "into", "usher": "into",
                     "pride": "on", "make": "into", "check": "into", "flirt": "with", "toy": "with", "tell": "of",
                     "run": "into"}
# phrasal verbs that say nothing without what they act on: "carried out[ … boarding-and-search action]"
TRANSITIVE_PHRASALS = {("carry", "out"), ("rule", "out"), ("point", "out"), ("spell", "out"), ("single", "out"),
                       ("hand", "over"), ("lay", "out"), ("roll", "out"), ("wipe", "out"), ("sort", "out"),
                       ("set", "up"), ("put", "forward"), ("take", "over"), ("turn", "down")}
# nouns that, as a verb's object, say nothing without their preposition: "keep a hold [on …]"
OBJECT_NEEDS_PREPOSITION = {"hold": "on", "grip": "on", "stranglehold": "on", "bearing": "on", "handle": "on",
                            "light": "on"}  # "expected to shed light [on …]"
# what a name ends in when it names a place or a prize after a person
NAMED_PLACES = {"center", "centre", "foundation", "institute", "clinic", "hospital", "library", "memorial", "prize",
                "award", "trophy", "stadium", "school", "college", "university", "museum", "hall", "airport", "bridge"}
# times that an "a" leaves open until a clause says which: "after an evening [in which …]"
TIME_NOUNS = {"day", "night", "evening", "morning", "afternoon", "week", "weekend", "month", "year", "season",
              "period", "era", "time", "moment"}
# adjectives that say nothing without their preposition: cut, "Democrats close[ to the campaign]" goes from "close"
NEEDS_PREPOSITION_ADJ = {"close": {"to"}, "intent": {"on"}, "keen": {"on", "to"}, "aware": {"of"}, "capable": {"of"},
                         "responsible": {"for"}, "prone": {"to"}, "loyal": {"to"}, "similar": {"to"},
                         "familiar": {"with"}, "opposed": {"to"}, "eligible": {"for"}, "full": {"of"},
                         "afraid": {"of"}, "critical": {"of"}, "fond": {"of"}, "free": {"of", "from"},
                         "accustomed": {"to"}}
# verbs whose object the clause before says: "[he asked to see her file,] but she refused"
ELLIPTICAL = {"refuse", "decline", "agree", "try", "offer", "promise"}
PLACING = {"put", "place"}  # verbs that say nothing without where: "puts Republicans [in jeopardy]"
# verbs whose object is what was said: without it, a bullet says only who spoke
SPEAKING_VERBS = {"say", "tell", "add", "state", "claim"}
# "…, a large-scale study has found", "…, figures show": a finding's source closes a sentence the same way
FINDING_VERBS = {"find", "show", "suggest"}
# "27 year old", "two weeks late", "five months out", "a week away": a DATE on these measures them, it is no time
# adverbial
MEASURED = {"old", "long", "late", "early", "overdue", "out", "away"}
# "It has emerged that <what happened>": a framing, like a closing "police said" (not "It is thought that": a hedge)
EMERGED_VERBS = {"emerge", "reveal", "announce", "confirm", "disclose", "report"}
# "It comes after <what happened>": the sentence's news is the clause it leans on
BACKGROUND_VERBS = {"come", "follow"}
BACKGROUND_MARKS = {"after", "as", "amid", "while"}
FINDING_SOURCES = {"study", "survey", "research", "report", "poll", "figure", "data", "analysis", "review",
                   "researcher", "scientist", "statistic", "test", "trial"}
# Words that make a DATE/TIME entity a time adverbial ("on Sunday"), not a fact ("a 39-year-old").
DAY_AND_MONTH_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
}
TIME_WORDS = DAY_AND_MONTH_NAMES | {
    "today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "night", "week", "weekend",
    "month", "year", "earlier", "later", "last", "this", "next", "ago", "recently", "day", "days", "weeks", "months",
    "years", "hours", "minutes",
}
# of those, the ones that date a coming event ("will vote on Thursday", "next month"): such a time stays
WHEN_WORDS = DAY_AND_MONTH_NAMES | {"tomorrow", "next"}
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "north-west",
           "south-west", "north-east", "south-east", "northwest", "southwest", "northeast", "southeast"}
# words that say nothing without their "of": "some [of that magic]", "in search [of]", "ahead [of the vote]"
NEEDS_OF = {"some", "any", "most", "all", "much", "many", "none", "part", "each", "few", "several", "rest", "search",
            "front", "charge", "spite", "behalf", "lieu", "favour", "favor", "terms", "ahead", "instead", "because",
            "pair", "couple", "number", "lot", "handful", "series", "dozens", "hundreds", "thousands", "millions",
            "total", "majority", "bulk", "third", "quarter", "fifth", "tenth", "percent", "half", "support", "both",
            "depth", "height", "length", "width", "distance", "ratio", "proportion", "estimate", "use", "handling",
            "flurry", "spate", "string", "slew", "raft", "barrage", "rash", "litany", "swarm", "glut"}
# a picture's "of" says what it shows, and a picture that is a verb's object says nothing without it ("featuring a
# photograph [of Torres]"); a picture as the subject can ("A video has been viewed half a million times")
PICTURES = {"picture", "photo", "photograph", "image", "video", "footage", "portrait"}
SHOWING = {"show", "see", "watch", "film", "capture", "hear", "catch", "spot", "depict", "record"}
RELATIVIZERS = {"WDT", "WP", "WP$"}  # which, that, who, whose: tags of the words that open a relative clause
LINKING = {"feel", "look", "seem", "sound", "appear", "become", "remain"}  # verbs that need what follows them
NAME_PARTICLES = {"van", "von", "de", "der", "den", "di", "da", "du", "del", "della", "le", "la", "al", "el", "bin",
                  "ibn", "ten", "ter", "lo"}  # "Louis van Gaal" is "Van Gaal" after the first mention
# verbs whose "as" phrase is what they say of their object: "was seen [as a snub]"
AS_VERBS = {"interpret", "see", "view", "regard", "describe", "treat", "brand", "label", "characterize",
            "characterise", "portray", "hail", "classify", "perceive", "dismiss", "cast", "depict", "paint", "quote",
            "know", "serve", "act"}  # "served[ as an assistant coach]", "acting[ as a go-between]"
# verbs that say nothing without their infinitive: "appeared [to blame the workers]", "will continue [to focus on …]"
NEEDS_INFINITIVE = {"appear", "seem", "tend", "happen", "want", "wish", "hope", "try", "attempt", "need", "fail",
                    "manage", "continue", "decide", "refuse", "vow", "pledge", "promise", "threaten", "plan", "intend",
                    "agree", "seek", "aim", "expect", "choose", "prepare", "offer", "struggle", "help"}
# verbs whose object is told what to do, which says nothing without it: "tells his supporters [to go and vote]"
TELLS_TO = {"tell", "urge", "ask", "order", "encourage", "instruct", "persuade", "convince", "force", "allow", "warn",
            "invite"}
# first words of days with names ("Super Tuesday", "Good Friday"), which the model tags apart from the weekday
NAMED_DAYS = {"super", "black", "cyber", "good", "easter", "ash", "palm", "holy", "maundy", "shrove", "boxing",
              "giving", "mardi", "bloody"}
DIRECTIONS = {"north", "south", "east", "west", "northward", "southward", "eastward", "westward", "upward",
              "downward", "upstream", "downstream", "uphill", "downhill", "inland", "offshore", "overseas", "abroad"}
# words that open a clause as well as a phrase ("after the vote" / "after the protesters left")
SUBORDINATING_PREPS = {"after", "before", "since", "until", "till", "as", "once"}
# verbs whose passive says nothing without its agent: "was caused [by his diabetes]"
CAUSING = {"cause", "trigger", "spark", "prompt", "fuel", "drive", "inspire", "fund", "finance", "back", "own",
           "follow", "replace", "precede", "accompany", "influence", "motivate", "sponsor", "write", "direct",
           "help", "boost", "lift", "drag"}
# what is done that says nothing without what for: "has done more [to advance the cause]"
AMOUNTS = {"more", "less", "much", "enough", "everything", "anything", "nothing", "all", "little", "whatever"}
# nouns that say nothing without what they are for: "in an effort [to …]", "in a bid [to …]"
PURPOSE_NOUNS = {"effort", "attempt", "bid", "push", "drive", "move", "quest", "plan", "way", "chance", "decision",
                 "refusal", "failure", "ability", "inability", "willingness", "unwillingness", "reluctance",
                 "readiness", "promise", "pledge", "vow", "threat", "desire", "determination", "need", "permission",
                 "opportunity", "right", "order", "call"}
LASTING = {"take", "last", "spend", "need", "require", "wait", "serve"}  # verbs whose object can be a length of time
UNITS = {"minute", "hour", "day", "week", "month", "year", "decade"}
DEICTIC = {"last", "this", "next", "that", "ago", "previous", "coming"}
# words of a title read leftwards from a name; "presumptive Republican nominee" goes whole, not leaving "presumptive"
TITLE_WORDS = TITLE_MODIFIERS - {"of", "for", "the", "and"} | {"presumptive", "outgoing", "incoming", "interim"}
# how well known someone is in a post goes with the post ("[famed director] Anna Berg"); "injured captain" is a state
REPUTED = {"famed", "acclaimed", "celebrated", "noted", "renowned", "respected", "revered", "storied", "fabled",
           "beloved", "vaunted", "esteemed", "lauded"}
# nouns for a person ("Police said [two women]": one says something, not someone)
PEOPLE = {"man", "woman", "person", "people", "child", "boy", "girl", "player", "officer", "soldier", "victim",
          "resident"}
RELATIVE_TO = {"over", "above", "below", "under", "beyond"}  # "15 percent over the limit", "$2m under budget"
TIME_PREPS = {"on", "in", "at", "during", "since", "by", "until", "from", "last", "earlier", "this", "over"}
# Openers that only link to the sentence before; cutting them leaves the clause whole.
LEADING_CONNECTIVES = {"but", "and", "or", "so", "yet", "however", "meanwhile", "still", "also", "now", "instead",
                       "rather", "moreover", "furthermore", "indeed", "nonetheless", "nevertheless", "besides",
                       "likewise", "similarly", "additionally", "thus", "hence", "therefore"}
PARTICLES = {"out", "up", "down", "off", "away", "back", "in", "over", "on", "through", "apart", "aside"}
# plural nouns that head a group's name and that the entity recognizer can take for a person's surname
GROUPS = {"police", "democrats", "republicans", "officials", "aides", "authorities", "supporters", "voters",
          "workers", "forces", "troops", "rebels", "fans", "members", "leaders", "residents", "protesters"}
SUBJECT_PRONOUNS = {"he", "she"}
GENERATIONS = {"jr", "sr", "junior", "senior", "ii", "iii", "iv"}  # what follows a surname: "King Jr."
POSSESSIVES = {"his": "he", "her": "she"}  # a possessive -> the subject pronoun of its person
OTHER_GENDER = {"he": {"she", "her", "hers", "herself"}, "she": {"he", "him", "his", "himself"}}
FIRST_SECOND_PERSON = {"i", "we", "you"}  # a subject that marks someone speaking, not a headline
PAST_MARKERS = {"once", "formerly", "previously", "originally", "ago"}  # a clause about the past keeps its tense
YEAR = re.compile(r"(?:1[89]|20)\d\d")
DASHES = {*DASH_CHARS, "--"}  # (a spaced "-" is often a hyphen of tokenized copy: "15 - year - old")
