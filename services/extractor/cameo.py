"""The CAMEO event codes the coder emits, with PLOVER category, quad class and Goldstein value.

Goldstein values follow the CAMEO Goldstein scale as distributed with GDELT
(``CAMEO.goldsteinscale.txt``; a sub-code without its own value takes its base's);
PLOVER categories follow the PLOVER project's
CAMEO-to-PLOVER table (draft 0.8, 2021). Quad classes follow GDELT: 1 verbal
cooperation (roots 01-05), 2 material cooperation (06-08), 3 verbal conflict
(09-13), 4 material conflict (14-20).

PLOVER has no category for CAMEO's 01 "make public statement"; this coder
labels 010 ``OTHER`` and 016 "deny responsibility" ``REJECT``.

Extension (not CAMEO): ``EVAC`` -- evacuation of civilians. CAMEO has no code
for it, so it gets a clearly non-CAMEO code that can never collide with
CAMEO's numeric codes; its root and base are ``EVAC`` as well. It is coded as
material cooperation (quad class 2) with a neutral Goldstein value of 0.0 and
PLOVER ``OTHER``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One event code and what goes with it."""

    code: str
    name: str
    plover: str
    quad_class: int
    goldstein: float

    @property
    def root(self) -> str:
        """The two-digit root ("19" for "195"); extension codes are their own root."""
        return self.code if self.is_extension else self.code[:2]

    @property
    def base(self) -> str:
        """The three-digit base ("112" for "1123"); extension codes are their own base."""
        return self.code if self.is_extension else self.code[:3]

    @property
    def is_extension(self) -> bool:
        """True for newsflow's own codes, which are not numeric."""
        return not self.code.isdigit()

    @property
    def is_material_conflict(self) -> bool:
        """Quad class 4: protest, mobilisation, coercion, assault, force."""
        return self.quad_class == 4

    @property
    def is_force(self) -> bool:
        """Roots 18-20: violence and military force."""
        return not self.is_extension and self.root in ("18", "19", "20")


#: Code for the newsflow extension "evacuation of civilians".
EVACUATION: Final = "EVAC"

#: Meetings, calls, talks and mediation: events with two sides, both needed.
MEETINGS: Final = frozenset({"040", "041", "042", "043", "044", "045", "046"})

#: Intents to meet, negotiate, mediate or release prisoners: statements made, whatever they
#: promise.
INTENTS: Final = frozenset({"0353", "036", "039"})

#: Release of persons (prisoners, hostages).
RELEASE: Final = "0841"
#: Mediation and the intent to mediate: the sides mediated between are the targets.
MEDIATION: Final = frozenset({"039", "045"})

#: Meetings and the intents to meet or mediate: one side meets the other ("talks with X").
CONSULTATIONS: Final = MEETINGS | frozenset({"036", "039"})

_TABLE: Final = (
    # code, name, PLOVER, quad class, Goldstein
    ("010", "Make statement", "OTHER", 1, 0.0),
    ("015", "Acknowledge or claim responsibility", "OTHER", 1, 0.0),
    ("016", "Deny responsibility", "REJECT", 1, -2.0),
    ("020", "Make an appeal or request", "REQUEST", 1, 3.0),
    ("023", "Appeal for aid", "REQUEST", 1, 3.4),
    ("025", "Appeal to yield", "REQUEST", 1, -0.3),
    ("0256", "Appeal for de-escalation of military engagement", "REQUEST", 1, -0.3),
    ("026", "Appeal to others to meet or negotiate", "REQUEST", 1, 4.0),
    ("0353", "Express intent to release persons or property", "AGREE", 1, 5.0),
    ("036", "Express intent to meet or negotiate", "AGREE", 1, 4.0),
    ("039", "Express intent to mediate", "AGREE", 1, 5.0),
    ("040", "Consult", "CONSULT", 1, 1.0),
    ("041", "Discuss by telephone", "CONSULT", 1, 1.0),
    ("043", "Host a visit", "CONSULT", 1, 2.8),
    ("045", "Mediate", "CONSULT", 1, 5.0),
    ("046", "Engage in negotiation", "CONSULT", 1, 7.0),
    ("051", "Praise or endorse", "SUPPORT", 1, 3.4),
    ("072", "Provide military aid", "AID", 2, 8.3),
    ("0841", "Return, release person(s)", "RETREAT", 2, 7.0),
    ("111", "Criticize or denounce", "ACCUSE", 3, -2.0),
    ("112", "Accuse", "ACCUSE", 3, -2.0),
    ("1123", "Accuse of aggression", "ACCUSE", 3, -2.0),
    ("114", "Complain officially", "ACCUSE", 3, -2.0),
    ("120", "Reject", "REJECT", 3, -4.0),
    ("130", "Threaten", "THREATEN", 3, -4.4),
    ("131", "Threaten non-force", "THREATEN", 3, -5.8),
    ("1312", "Threaten with sanctions, boycott, or embargo", "THREATEN", 3, -5.8),
    ("1313", "Threaten to reduce or break relations", "THREATEN", 3, -5.8),
    ("138", "Threaten with military force", "THREATEN", 3, -7.0),
    ("150", "Demonstrate military or police power", "MOBILIZE", 4, -7.2),
    ("161", "Reduce or break diplomatic relations", "SANCTION", 4, -4.0),
    ("163", "Impose embargo, boycott, or sanctions", "SANCTION", 4, -8.0),
    ("151", "Increase police alert status", "MOBILIZE", 4, -7.2),
    ("152", "Increase military alert status", "MOBILIZE", 4, -7.2),
    ("154", "Mobilize or increase armed forces", "MOBILIZE", 4, -7.2),
    ("170", "Coerce", "COERCE", 4, -7.0),
    ("173", "Arrest, detain, or charge with legal action", "COERCE", 4, -5.0),
    ("180", "Use unconventional violence", "ASSAULT", 4, -9.0),
    ("181", "Abduct, hijack, or take hostage", "ASSAULT", 4, -9.0),
    ("1821", "Sexually assault", "ASSAULT", 4, -9.0),
    ("1822", "Torture", "ASSAULT", 4, -9.0),
    ("183", "Conduct suicide, car, or other non-military bombing", "ASSAULT", 4, -10.0),
    ("186", "Assassinate", "ASSAULT", 4, -10.0),
    ("190", "Use conventional military force", "ASSAULT", 4, -10.0),
    ("192", "Occupy territory", "COERCE", 4, -9.5),
    ("193", "Fight with small arms and light weapons", "ASSAULT", 4, -10.0),
    ("194", "Fight with artillery and tanks", "ASSAULT", 4, -10.0),
    ("195", "Employ aerial weapons", "ASSAULT", 4, -10.0),
    ("196", "Violate ceasefire", "ASSAULT", 4, -9.5),
    (EVACUATION, "Evacuate civilians (newsflow extension)", "OTHER", 2, 0.0),
)

CODES: Final[dict[str, CameoCode]] = {
    row[0]: CameoCode(code=row[0], name=row[1], plover=row[2], quad_class=row[3],
                      goldstein=row[4])
    for row in _TABLE
}


def lookup(code: str) -> CameoCode:
    """The :class:`CameoCode` for ``code``; raises ``KeyError`` for a code the coder lacks."""
    return CODES[code]

#: Codes of violence and military force (roots 18-20), for quick membership tests.
FORCE: Final = frozenset(c for c, code in CODES.items() if code.is_force)

#: Quad class by code, for quick lookups.
QUAD: Final[dict[str, int]] = {c: code.quad_class for c, code in CODES.items()}
