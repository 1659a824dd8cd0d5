"""Closed-class English word lists the rules lean on (data only, no logic).

Kept apart from the code that applies them so that they can be reviewed and
extended without reading the rules.
"""

from __future__ import annotations

from typing import Final

#: Abbreviations whose period never ends a sentence when a word follows
#: (titles, ranks, "No." before a number, "St." before a name).
NON_TERMINAL_ABBREVIATIONS: Final = frozenset(
    {
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Rev", "Fr", "Sr", "St", "Mt", "Ft",
        "Gen", "Lt", "Col", "Maj", "Brig", "Capt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr",
        "Gov", "Sen", "Rep", "Amb", "Pres", "Supt", "Insp", "Det", "Hon", "Messrs", "Gens",
        "No", "Nos", "vs", "Vol", "Art", "Sec", "Dept", "Univ", "approx", "Gov't",
    }
)

#: Month abbreviations: not a sentence end when a day number follows ("Feb. 24").
MONTH_ABBREVIATIONS: Final = frozenset(
    {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
)

#: Other abbreviations that take a period ("U.S." style acronyms are recognised by shape).
OTHER_ABBREVIATIONS: Final = frozenset({"Inc", "Corp", "Co", "Ltd", "Jr", "etc", "al", "Bros"})

#: Words that commonly open a sentence; after "U.S." or "p.m." they signal a boundary.
SENTENCE_STARTERS: Final = frozenset(
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In", "On",
        "At", "This", "That", "These", "Those", "There", "As", "If", "When", "While", "After",
        "Before", "Meanwhile", "However", "Its", "Their", "His", "Her", "Our", "Some", "Most",
        "Many", "No", "Officials", "According", "Separately", "Since", "Still", "Yet", "So",
    }
)

#: Capitalised words that start sentences but are not names.
CAPITALISED_FUNCTION_WORDS: Final = frozenset(
    {
        "The", "A", "An", "In", "On", "At", "But", "And", "Or", "As", "If", "When", "While",
        "After", "Before", "Although", "Though", "However", "Meanwhile", "Separately", "Most",
        "Some", "Several", "According", "Last", "Next", "This", "That", "These", "Those", "It",
        "He", "She", "They", "We", "I", "You", "There", "Here", "Of", "For", "With", "Without",
        "By", "From", "To", "Since", "During", "Despite", "Yet", "So", "Also", "Both", "Each",
        "Every", "All", "Any", "No", "Not", "One", "Two", "Three", "Four", "Five", "Six",
        "Seven", "Eight", "Nine", "Ten", "Dozens", "Hundreds", "Thousands", "Many", "More",
        "Much", "Such", "Other", "Another", "Its", "Their", "His", "Her", "Our", "My", "Your",
        "What", "Which", "Who", "Whom", "Whose", "Why", "How", "Where", "Then", "Now", "Today",
        "Yesterday", "Tomorrow", "Earlier", "Later", "Still", "Even", "Only", "Just", "Instead",
        "Until", "Unless", "Because", "Whether", "Under", "Over", "Into", "About", "Against",
        "Between", "Among", "Amid", "Around", "Across", "Through", "Throughout", "Toward",
        "Towards", "Upon", "Within", "Once", "Recent", "Recently", "Asked", "Speaking",
        "Regardless", "Overall", "Finally", "First", "Second", "Third", "Latest",
        "New", "Former", "Local", "Regional", "Senior", "Top", "Unnamed", "Few",
        "Satellite", "Video", "Images", "Photos", "Footage", "Reports", "Reporting", "Update",
        "Updated", "Related", "Read", "Source", "Sources", "Editor", "Note", "Advertisement",
        "Following", "Like", "Unlike", "Given", "Including", "Along",
        "Perhaps", "Maybe", "Indeed", "Yes", "Please",
    }
)

DETERMINERS: Final = frozenset(
    {
        "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
        "my", "your", "some", "any", "no", "another", "other", "several", "many", "both", "each",
        "every", "all", "such", "what", "which", "whose", "more", "most", "few", "two", "three",
        "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands",
    }
)

PREPOSITIONS: Final = frozenset(
    {
        "in", "on", "at", "near", "from", "of", "to", "for", "with", "by", "against", "into",
        "onto", "across", "toward", "towards", "outside", "inside", "around", "over", "under",
        "upon", "about", "between", "among", "amid", "through", "throughout", "within", "behind",
        "beyond", "along", "off", "via", "without", "after", "before", "during", "since", "like",
    }
)

#: Prepositions that put a place *where* something happens.
LOCATIVE_PREPOSITIONS: Final = frozenset(
    {
        "in", "on", "at", "near", "outside", "inside", "around", "across", "over", "into",
        "within", "throughout", "along", "off", "nearby",
    }
)

#: Prepositions that mark the target of an attack ("strikes on X", "fired at X").
TARGET_PREPOSITIONS: Final = frozenset({"on", "against", "at", "upon", "toward", "towards"})

#: Nouns naming part of a place, allowed between a locative preposition and the place name
#: ("in the Russian city of Belgorod", "on the outskirts of Kyiv").
PLACE_NOUNS: Final = frozenset(
    {
        "city", "town", "village", "villages", "region", "regions", "province", "oblast",
        "district", "area", "areas", "outskirts", "suburb", "suburbs", "capital", "port",
        "border", "country", "state", "county", "settlement", "settlements", "centre", "center",
        "east", "west", "north", "south", "northeast", "northwest", "southeast", "southwest",
        "part", "parts", "side", "territory", "frontline", "front", "coast", "island", "exclave",
        "enclave", "district's", "region's", "city's", "town's", "streets", "street", "heart",
    }
)

#: Adjectives allowed inside such a place phrase.
PLACE_ADJECTIVES: Final = frozenset(
    {
        "eastern", "western", "northern", "southern", "central", "northeastern", "northwestern",
        "southeastern", "southwestern", "nearby", "neighbouring", "neighboring", "border",
        "frontline", "occupied", "besieged", "port", "coastal", "capital", "industrial",
        "residential", "remote", "small", "large", "key", "strategic", "breakaway",
    }
)

AUXILIARIES: Final = frozenset(
    {
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having",
        "do", "does", "did", "get", "gets", "got", "gotten",
    }
)

BE_FORMS: Final = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "get",
                             "gets", "got", "gotten"})

#: Modal and future markers: a trigger they govern is hypothetical.
MODALS: Final = frozenset(
    {"will", "would", "could", "might", "may", "shall", "should", "can", "must", "'ll", "’ll",
     "wo", "ca"}
)

#: Verbs whose infinitive complement is hypothetical ("plans to strike").
INTENT_VERBS: Final = frozenset(
    {
        "plan", "plans", "planned", "planning", "intend", "intends", "intended", "intending",
        "want", "wants", "wanted", "seek", "seeks", "sought", "prepare", "prepares", "prepared",
        "preparing", "ready", "willing", "going", "aim", "aims", "aimed", "hope", "hopes",
        "hoped", "allow", "allows", "allowed", "refrain", "refrained", "order", "to",
        "threaten", "threatens", "threatened", "vow", "vows", "vowed", "promise", "promised",
        "pledge", "pledged", "expect", "expects", "expected", "likely", "unlikely", "able",
        "unable", "could", "would", "ask", "asked", "urge", "urged", "call", "called",
    }
)

#: Verbs whose infinitive complement did happen ("used helicopters to attack").
FACTIVE_INFINITIVE_VERBS: Final = frozenset(
    {
        "used", "began", "begun", "started", "continued", "continue", "continues", "managed",
        "attempted", "tried", "went", "moved", "helped", "sought", "appeared", "voted",
        "decided",
    }
)

NEGATIONS: Final = frozenset({"not", "n't", "never", "no", "neither", "nor", "without", "cannot"})

#: Adverbs and particles skipped when looking for a verb's subject or auxiliary chain.
ADVERBS: Final = frozenset(
    {
        "also", "again", "reportedly", "allegedly", "already", "now", "still", "then", "later",
        "earlier", "once", "first", "recently", "repeatedly", "just", "only", "even", "further",
        "indeed", "possibly", "apparently", "purportedly", "so", "far", "instead", "subsequently",
        "previously", "yet", "ever", "immediately", "actually", "likely", "effectively",
        "deliberately", "briefly", "jointly", "twice", "overnight", "heavily", "not",
    }
)

#: Adverbs that mark an event as someone's allegation rather than the article's assertion.
HEDGE_ADVERBS: Final = frozenset({"allegedly", "purportedly", "supposedly", "reportedly"})

#: Adjectives before an event noun that mark an allegation ("alleged attacks").
HEDGE_ADJECTIVES: Final = frozenset({"alleged", "purported", "suspected", "reported", "claimed"})

#: Adjectives before an event noun that make it hypothetical ("possible provocations").
HYPOTHETICAL_ADJECTIVES: Final = frozenset(
    {"possible", "potential", "future", "any", "planned", "threatened", "further", "new",
     "imminent", "likely", "prospective", "eventual"}
)

CONDITIONALS: Final = frozenset({"if", "unless", "should", "whether"})

#: Tokens that end the clause a subject or object search may look into.
CLAUSE_BREAKS: Final = frozenset(
    {";", ":", "—", "–", "(", ")", "[", "]", "because", "although", "though", "while",
     "whereas", "unless", "until", "but", "so", "whether"}
)

#: Subordinators and relative words, which end an object search.
SUBORDINATORS: Final = frozenset(
    {"that", "which", "who", "whom", "whose", "where", "when", "if", "as", "after", "before",
     "since", "because", "while", "although", "though", "unless", "until", "amid", "despite"}
)

PERSONAL_PRONOUNS: Final = frozenset({"he", "she", "him", "her", "his", "hers"})
NONPERSONAL_PRONOUNS: Final = frozenset({"it", "its", "they", "them", "their"})
FIRST_PERSON_PRONOUNS: Final = frozenset({"we", "us", "our", "ours"})
POSSESSIVE_PRONOUNS: Final = frozenset({"its", "their", "his", "her", "our"})

WEEKDAYS: Final = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)

MONTHS: Final = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)

NUMBER_WORDS: Final = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
