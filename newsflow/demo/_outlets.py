"""The three fictional outlets and the boilerplate each one prints around its stories.

Only data lives here; ``_render.py`` decides where each block goes. The kinds of
boilerplate copy what the seed scrapes show real outlets do (see DESIGN.md,
"What the seeds teach about boilerplate"), in words of our own: a donation
appeal, an "AI voice" notice, photo captions with credits, author bios and bio
teasers, a skip link, section labels, "Updated:" stamps, "Related Topics", a
"Source: ... and news agencies" line and a trailing site name.
"""

from __future__ import annotations

from types import MappingProxyType

from newsflow.demo._records import Outlet

COURIER = Outlet(
    slug="courier",
    name="The Eastern Courier",
    short_name="Courier",
    tagline="Independent news from Russia and Eastern Europe",
    authors=("Pavel Sorokin", "Yulia Markova"),
)
MERIDIAN = Outlet(
    slug="meridian",
    name="Meridian Post",
    short_name="Meridian Post",
    tagline="World news, politics and analysis",
    authors=("Rachel Dunmore", "Daniel Hartley"),
)
CROSSROADS = Outlet(
    slug="crossroads",
    name="Crossroads News",
    short_name="Crossroads",
    tagline="News from the Middle East, Africa and South Asia",
    authors=("Farah Naqvi", "Mariam Osman"),
)

OUTLETS: MappingProxyType[str, Outlet] = MappingProxyType(
    {outlet.slug: outlet for outlet in (COURIER, MERIDIAN, CROSSROADS)}
)
"""Outlets by slug, in a fixed order (generated pages cycle through it)."""

FEED_TRACKING: MappingProxyType[str, str] = MappingProxyType(
    {"courier": "utm_source=rss&utm_medium=feed&utm_campaign=courier"}
)
"""Query string an outlet's feed appends to its links, as many real feeds do."""

# ------------------------------------------------------------------ Courier

COURIER_APPEAL: tuple[str, ...] = (
    "A Message from The Eastern Courier:",
    "Dear readers,",
    "Independent reporting from the region has never been harder. Our correspondents work under "
    "the constant threat of blocking, fines and prosecution, and our income from advertising has "
    "all but disappeared.",
    "We refuse to stop. But we cannot keep going without the people who read us.",
    "If you can, please support us with a monthly contribution starting from just $3. It takes a "
    "minute to set up, and every contribution keeps our newsroom open.",
    "Thank you for standing with independent journalism.",
    "Remind me later.",
)
"""Printed as plain ``<p>``s at the end of the story body, where trafilatura keeps it."""

COURIER_DONATE_HEADING = "Support The Eastern Courier"
COURIER_DONATE_TEXT = (
    "Your donation keeps our reporting free for everyone, in Russia and beyond. "
    "Give once or become a monthly supporter."
)

# ----------------------------------------------------------------- Meridian

MERIDIAN_VOICE_NOTICE = "🎙️ Voice is AI-generated. Inconsistencies may occur."

MERIDIAN_BIOS: MappingProxyType[str, str] = MappingProxyType(
    {
        "Rachel Dunmore": (
            "Rachel Dunmore is a Meridian Post reporter on the World desk based in Washington, "
            "D.C. Her focus is the Middle East and the wars in Ukraine and Gaza, which she has "
            "covered from Beirut, Kyiv and Jerusalem. She joined Meridian Post in 2023 after six "
            "years at a regional daily in Ohio. You can get in touch with Rachel by emailing "
            "r.dunmore@meridianpost.example. Languages: English, French."
        ),
        "Daniel Hartley": (
            "Daniel Hartley is a Meridian Post senior reporter based in London, covering European "
            "security, NATO and Russia. Before joining Meridian Post in 2021 he reported on "
            "defence procurement for a trade weekly. You can get in touch with Daniel by emailing "
            "d.hartley@meridianpost.example. Languages: English, German, Russian."
        ),
    }
)
"""Full bios for the "About the writer" box; the first 120 characters make the teaser."""

MERIDIAN_TEASER_LENGTH = 120
MERIDIAN_NEWSLETTER = (
    "Get the Meridian Morning Brief: the five stories you need, in your inbox before 7 a.m."
)

# --------------------------------------------------------------- Crossroads

CROSSROADS_SKIP_LINK = "Skip to main content"
CROSSROADS_RELATED_TOPICS: tuple[str, ...] = ("Conflict", "Politics", "Diplomacy", "Human Rights")

CROSSROADS_SOURCE_LINE = "Source: Crossroads News and news agencies"
