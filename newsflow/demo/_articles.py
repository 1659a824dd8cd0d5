"""The six hand-written demo articles: body text, metadata and expected events.

Only data lives here. The stories are fictional: the countries, cities and
institutions are real, but every official, quote, figure and event is invented
for testing. Each article carries the events a human CAMEO coder would extract
from it, so that the extractor can be scored against them; the notes say when an
event is conditional, alleged or denied, and when it happened relative to the
publication date.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from newsflow.demo._records import EVACUATION_ROOT, DemoArticle, ExpectedEvent, Photo, article_path

_MSK = timezone(timedelta(hours=3), "MSK")
_EST = timezone(timedelta(hours=-5), "EST")
_EDT = timezone(timedelta(hours=-4), "EDT")
_AST = timezone(timedelta(hours=3), "AST")


def _article(
    site: str,
    slug: str,
    published: datetime,
    *,
    modified: datetime,
    title: str,
    authors: tuple[str, ...],
    section: str,
    standfirst: str,
    paragraphs: tuple[str, ...],
    photos: tuple[Photo, ...],
    expected_events: tuple[ExpectedEvent, ...],
) -> DemoArticle:
    """Build a record whose URL path follows the site layout, so path and date cannot disagree."""
    return DemoArticle(
        slug=slug,
        site=site,
        url_path=article_path(site, published, slug),
        title=title,
        authors=authors,
        published=published,
        modified=modified,
        section=section,
        standfirst=standfirst,
        paragraphs=paragraphs,
        photos=photos,
        expected_events=expected_events,
    )


KHARKIV_THREAT = _article(
    "courier",
    "russia-threatens-kharkiv-command-posts",
    datetime(2026, 3, 11, 19, 40, tzinfo=_MSK),
    modified=datetime(2026, 3, 11, 21, 5, tzinfo=_MSK),
    title="Russia Threatens Strikes on Kharkiv Command Posts Over Belgorod Drone Raids",
    authors=("Pavel Sorokin",),
    section="Ukraine War",
    standfirst="Moscow says a Ukrainian drone set a Belgorod fuel depot ablaze. Kyiv denies it.",
    paragraphs=(
        "Russia's Defence Ministry said on Wednesday it would strike command posts in Kharkiv if "
        "Ukrainian drone attacks on the border region of Belgorod continued, its sharpest warning "
        "to Kyiv in weeks.",
        "“If these attacks continue, the Russian armed forces will strike the centres from which "
        "they are directed, including in Kharkiv,” ministry spokesman Maj. Gen. Viktor Lebedev "
        "said at an evening briefing.",
        "Moscow accused Kyiv of launching 43 drones at Belgorod overnight on Monday, saying one of "
        "them hit a fuel depot on the city's eastern outskirts and started a fire that burned for "
        "most of the following day. Belgorod regional governor Alexei Mironov said two workers "
        "were injured.",
        "Ukraine's General Staff denied responsibility for the depot fire. In a statement posted "
        "on Telegram, it said Ukrainian forces “strike only legitimate military targets” and "
        "suggested that debris from a Russian air-defence missile had caused the blaze.",
        "Russian forces shelled Kharkiv on Tuesday, damaging a school and two apartment blocks in "
        "the city's Saltivka district, Kharkiv regional governor Oleh Marchenko said. Three "
        "civilians were wounded, one of them seriously.",
        "Regional authorities began evacuating civilians from the town of Zolochiv, about 20 "
        "kilometres from the Russian border, after what Marchenko called “days of relentless "
        "artillery fire.” About 400 residents, most of them elderly, were taken by bus to Kharkiv "
        "on Tuesday evening.",
        "Belgorod, about 40 kilometres north of the Ukrainian border, has been a frequent target "
        "of drone and missile attacks since the start of the full-scale invasion in February 2022.",
    ),
    photos=(
        Photo(
            "Firefighters work at the site of a fuel depot fire on the outskirts of Belgorod.",
            "Governor's press service / Telegram",
        ),
    ),
    expected_events=(
        ExpectedEvent(
            "RUS",
            "13",
            "UKR",
            "conditional threat to strike command posts in Kharkiv "
            "if drone attacks on Belgorod continue (Wednesday)",
        ),
        ExpectedEvent(
            "RUS", "11", "UKR", "Moscow accused Kyiv of a drone attack on a Belgorod fuel depot"
        ),
        ExpectedEvent(
            "UKR", "19", "RUS", "alleged (by Russia) drone attack on Belgorod, overnight on Monday"
        ),
        ExpectedEvent(
            "UKR", "01", "RUS", "General Staff denied responsibility for the depot fire (016)"
        ),
        ExpectedEvent("RUS", "19", "UKR", "Russian forces shelled Kharkiv on Tuesday (194)"),
        ExpectedEvent("UKR", EVACUATION_ROOT, None, "civilians evacuated from Zolochiv (Tuesday)"),
    ),
)

BEIRUT_WARNING = _article(
    "meridian",
    "israel-warns-beirut-strikes-kiryat-shmona-rockets",
    datetime(2026, 2, 19, 8, 15, tzinfo=_EST),
    modified=datetime(2026, 2, 19, 11, 42, tzinfo=_EST),
    title="Israel Warns of Strikes on Beirut After Rocket Fire on Kiryat Shmona",
    authors=("Rachel Dunmore",),
    section="World",
    standfirst="A drone strike near Nabatieh and a new evacuation order test the truce.",
    paragraphs=(
        "Israel's defence ministry said on Wednesday that it would strike Hezbollah targets in "
        "Beirut's southern suburbs if rocket fire on northern Israel did not stop, raising fears "
        "that the fragile ceasefire along the border could collapse.",
        '"We will not accept a return to the situation before the ceasefire," ministry spokesman '
        'Eitan Barak said in a televised statement. "If the fire on the north continues, Dahiyeh '
        'will pay the price."',
        "The warning came a day after two rockets fired from southern Lebanon struck open ground "
        "near Kiryat Shmona on Tuesday, the Israeli military said. No injuries were reported.",
        "Hezbollah denied responsibility for the rocket launch, saying in a statement carried by "
        'its Al-Manar television channel that it "had no connection" to the attack.',
        "An Israeli drone struck a car near the southern Lebanese city of Nabatieh on Wednesday "
        "afternoon, killing two people, Lebanon's health ministry said. The Israeli military said "
        "the strike had targeted a weapons smuggler.",
        "Lebanon's foreign ministry accused Israel of violating the ceasefire agreement for the "
        "third time this month.",
        "Lebanese Information Minister Karim Haddad said his government remained committed to the "
        "ceasefire and would not allow any group to drag the country into a new war.",
        "Israeli authorities ordered the evacuation of residents from the border town of Metula on "
        "Wednesday evening as a precaution, the local council said.",
    ),
    photos=(
        Photo(
            "Smoke rises after an Israeli strike on the outskirts of Nabatieh, southern Lebanon, "
            "on February 18, 2026.",
            "STRINGER/AFP via Getty Images",
        ),
        Photo(
            "Residents of Metula board buses at the local council building.",
            "NOA GOLAN/AFP via Getty Images",
        ),
    ),
    expected_events=(
        ExpectedEvent(
            "ISR",
            "13",
            "LBN",
            "conditional threat to strike Hezbollah targets in "
            "Beirut's southern suburbs if rocket fire continues (Wednesday)",
        ),
        ExpectedEvent(
            "LBN",
            "19",
            "ISR",
            "rockets fired from southern Lebanon at Kiryat Shmona on Tuesday, firing party unnamed",
        ),
        ExpectedEvent(
            "LBN", "01", "ISR", "Hezbollah denied responsibility for the rocket launch (016)"
        ),
        ExpectedEvent(
            "ISR", "19", "LBN", "Israeli drone strike on a car near Nabatieh on Wednesday (195)"
        ),
        ExpectedEvent(
            "LBN",
            "11",
            "ISR",
            "Lebanon's foreign ministry accused Israel of violating the ceasefire",
        ),
        ExpectedEvent(
            "LBN",
            "01",
            None,
            "information minister's statement of commitment to the ceasefire (010)",
        ),
        ExpectedEvent(
            "ISR", EVACUATION_ROOT, None, "residents evacuated from Metula on Wednesday evening"
        ),
    ),
)

KOTLI_SHELLING = _article(
    "crossroads",
    "pakistan-accuses-india-of-shelling-kotli",
    datetime(2026, 1, 27, 16, 30, tzinfo=_AST),
    modified=datetime(2026, 1, 28, 9, 12, tzinfo=_AST),
    title="Pakistan accuses India of shelling Kotli, says ready for hotline talks",
    authors=("Farah Naqvi",),
    section="India-Pakistan Tensions",
    standfirst="Islamabad says three civilians were killed; New Delhi says its troops only "
    "returned fire.",
    paragraphs=(
        "Pakistan has accused India of shelling villages near the town of Kotli in "
        "Pakistan-administered Kashmir, killing three civilians, in the most serious violation of "
        "the ceasefire along the Line of Control in months.",
        "Pakistan's military said in a statement on Monday that Indian troops had fired mortar and "
        "artillery rounds across the de facto border on Sunday evening, damaging a dozen homes and "
        "a mosque.",
        "“This unprovoked firing deliberately targeted the civilian population,” Foreign Office "
        "spokeswoman Ayesha Rahim told reporters in Islamabad.",
        "India's Ministry of External Affairs denied that its forces had targeted civilians, "
        "saying Indian troops had only returned fire on army posts in the Poonch sector.",
        "Rahim said Islamabad was ready to hold talks with New Delhi through the hotline between "
        "the two armies' directors general of military operations. “We are prepared to talk, as we "
        "did in 2021,” she said.",
        "District officials evacuated about 600 residents from villages near Kotli on Monday and "
        "housed them in government schools further from the border.",
        "The two nuclear-armed neighbours agreed in February 2021 to observe a 2003 ceasefire "
        "along the Line of Control, and violations had since been rare.",
    ),
    photos=(
        Photo(
            "Residents inspect a house damaged by shelling in a village near Kotli.",
            "Imran Saeed/Reuters",
        ),
        Photo(
            "Pakistani soldiers stand guard at a checkpoint on the road to the Line of Control.",
            "Bilal Hashmi/AFP",
        ),
    ),
    expected_events=(
        ExpectedEvent("PAK", "11", "IND", "Pakistan accused India of shelling villages near Kotli"),
        ExpectedEvent(
            "IND",
            "19",
            "PAK",
            "alleged (by Pakistan) mortar and artillery fire on Sunday evening (194)",
        ),
        ExpectedEvent(
            "IND", "01", "PAK", "External Affairs Ministry denied targeting civilians (016)"
        ),
        ExpectedEvent("PAK", "03", "IND", "Islamabad ready to hold hotline talks (036)"),
        ExpectedEvent(
            "PAK",
            EVACUATION_ROOT,
            None,
            "about 600 residents evacuated from villages near Kotli on Monday",
        ),
    ),
)

PORT_SUDAN_MOBILISATION = _article(
    "crossroads",
    "sudan-army-calls-up-reservists-port-sudan-drone-strike",
    datetime(2026, 4, 8, 11, 0, tzinfo=_AST),
    modified=datetime(2026, 4, 8, 14, 25, tzinfo=_AST),
    title="Sudan's army calls up reservists after RSF drone strike on Port Sudan",
    authors=("Mariam Osman",),
    section="Sudan War",
    standfirst="Fires at a fuel depot and a power station left much of the Red Sea city without "
    "electricity.",
    paragraphs=(
        "Sudan's army has ordered a general mobilisation of reservists after drones launched by "
        "the paramilitary Rapid Support Forces (RSF) struck the Red Sea city of Port Sudan for the "
        "third time this year.",
        "Army spokesman Brig. Gen. Nabil Abdalla said on Wednesday that all reservists under the "
        "age of 45 must report to their units within 10 days. “The nation is calling on its sons,” "
        "he said in a televised address.",
        "The RSF drones hit a fuel depot and a power station near Port Sudan's southern port on "
        "Tuesday, setting off fires that knocked out electricity to much of the city, residents "
        "said.",
        "The army again accused the United Arab Emirates of supplying the RSF with long-range "
        "drones. In a statement on Wednesday, the UAE foreign ministry denied supplying weapons to "
        "either side, calling the claims “baseless and politically motivated.”",
        "An RSF adviser, Omar Bakheet, said on social media that the group would keep targeting "
        "“the army's supply lines wherever they are.”",
        "Local authorities evacuated some 2,000 civilians from the town of Bara in North Kordofan "
        "on Monday as fighting between the army and the RSF drew closer, the United Nations said.",
        "The war between the army and the RSF, which began in April 2023, has killed tens of "
        "thousands of people and driven more than 12 million from their homes, according to UN "
        "figures.",
    ),
    photos=(
        Photo(
            "Smoke billows from a fuel depot in Port Sudan after a drone attack.",
            "Faisal Omer/AFP",
        ),
    ),
    expected_events=(
        ExpectedEvent(
            "SDN",
            "19",
            "SDN",
            "RSF drone strike on a fuel depot and power station in Port Sudan on Tuesday (195)",
        ),
        ExpectedEvent("SDN", "15", None, "army ordered a general mobilisation of reservists (154)"),
        ExpectedEvent("SDN", "11", "ARE", "army accused the UAE of supplying the RSF with drones"),
        ExpectedEvent(
            "ARE", "01", "SDN", "UAE foreign ministry denied supplying weapons on Wednesday (016)"
        ),
        ExpectedEvent(
            "SDN",
            "13",
            "SDN",
            "RSF adviser threatened to keep targeting the army's supply lines (138)",
        ),
        ExpectedEvent(
            "SDN", EVACUATION_ROOT, None, "some 2,000 civilians evacuated from Bara on Monday"
        ),
    ),
)

ISTANBUL_TALKS = _article(
    "meridian",
    "kremlin-ready-for-istanbul-talks-odesa-drone-attack",
    datetime(2026, 4, 21, 10, 5, tzinfo=_EDT),
    modified=datetime(2026, 4, 21, 13, 30, tzinfo=_EDT),
    title="Kremlin Says Ready for New Round of Talks With Ukraine in Istanbul",
    authors=("Daniel Hartley", "Rachel Dunmore"),
    section="World",
    standfirst="The offer came hours after a Russian drone attack on Odesa killed four people.",
    paragraphs=(
        "The Kremlin said on Tuesday that Russia was ready to hold a new round of direct talks "
        "with Ukraine in Istanbul next month, hours after a Russian drone attack on the port city "
        "of Odesa killed four people.",
        '"Our delegation is prepared to travel to Istanbul in the first half of May," Kremlin '
        'spokesman Sergei Malinin told reporters. "The agenda remains the same: a lasting '
        'settlement, not a pause."',
        "Russian drones struck a residential district and port warehouses in Odesa overnight, "
        "Odesa regional governor Taras Hnatiuk said. Four people were killed and at least 17 "
        "wounded, he said.",
        "Ukraine's Foreign Ministry said Kyiv would send a delegation to Istanbul if Russia agreed "
        'to a full ceasefire beforehand. "We are ready to negotiate, but not under fire," '
        "ministry spokesman Yuriy Bondar said.",
        "Ukraine's parliament voted on Thursday to extend general mobilisation for another 90 "
        "days, the latest in a series of extensions since the full-scale invasion began.",
        "Russian and Ukrainian delegations last met in Istanbul late last month, but those talks "
        "ended without progress toward a ceasefire.",
    ),
    photos=(
        Photo(
            "Rescuers search the rubble of a residential building in Odesa after a drone attack.",
            "STRINGER/AFP via Getty Images",
        ),
    ),
    expected_events=(
        ExpectedEvent(
            "RUS", "03", "UKR", "Kremlin ready to hold new talks in Istanbul next month (036)"
        ),
        ExpectedEvent("RUS", "19", "UKR", "drone attack on Odesa overnight, four killed (195)"),
        ExpectedEvent(
            "UKR",
            "03",
            "RUS",
            "conditional: Kyiv would send a delegation if Russia agreed to a ceasefire (036)",
        ),
        ExpectedEvent(
            "UKR", "15", None, "parliament extended general mobilisation on Thursday (154)"
        ),
        ExpectedEvent("RUS", "04", "UKR", "delegations met in Istanbul late last month (046)"),
    ),
)

KALININGRAD_TRANSIT = _article(
    "courier",
    "moscow-threatens-response-kaliningrad-transit",
    datetime(2026, 5, 6, 18, 20, tzinfo=_MSK),
    modified=datetime(2026, 5, 7, 9, 0, tzinfo=_MSK),
    title="Moscow Threatens ‘Military-Technical’ Response Over Kaliningrad Transit",
    authors=("Yulia Markova",),
    section="Diplomacy",
    standfirst="Lithuania says extra checks on Russian freight trains follow EU sanctions rules.",
    paragraphs=(
        "Russia said on Wednesday it would take “military-technical measures” against Lithuania if "
        "Vilnius went ahead with new restrictions on rail freight to the Kaliningrad exclave.",
        "“If the blockade of Kaliningrad is not lifted, our response will not be limited to "
        "diplomacy,” Foreign Ministry spokeswoman Maria Ivanova told a weekly briefing in Moscow.",
        "Moscow accused Vilnius of imposing a de facto blockade on the exclave after Lithuanian "
        "Railways began additional inspections of Russian freight trains late last month.",
        "Lithuania's Foreign Ministry denied restricting transit, saying the inspections complied "
        "with European Union sanctions rules and applied to all cargo. “There is no blockade, and "
        "there will be none,” Foreign Minister Tomas Vaitkus said in Vilnius.",
        "Lithuania's Defence Ministry said on Tuesday it would call up 4,000 reservists for "
        "unscheduled exercises near the border with Kaliningrad next week.",
        "Kaliningrad, wedged between Lithuania and Poland on the Baltic coast, relies on rail "
        "links through Lithuania for much of its supply of goods from mainland Russia.",
        "A similar dispute in 2022 ended after the European Commission issued guidance allowing "
        "most rail transit to continue.",
    ),
    photos=(
        Photo(
            "A Russian freight train waits at the Kybartai border station in Lithuania.",
            "Darius Kalvaitis / Reuters",
        ),
    ),
    expected_events=(
        ExpectedEvent(
            "RUS",
            "13",
            "LTU",
            "conditional threat of military-technical measures if "
            "rail restrictions go ahead (Wednesday)",
        ),
        ExpectedEvent("RUS", "11", "LTU", "Moscow accused Vilnius of a de facto blockade"),
        ExpectedEvent("LTU", "01", "RUS", "Lithuania denied restricting transit (016)"),
        ExpectedEvent("LTU", "15", None, "call-up of 4,000 reservists announced on Tuesday (154)"),
    ),
)

ARTICLES: list[DemoArticle] = [
    KHARKIV_THREAT,
    BEIRUT_WARNING,
    KOTLI_SHELLING,
    PORT_SUDAN_MOBILISATION,
    ISTANBUL_TALKS,
    KALININGRAD_TRANSIT,
]
"""All hand-written articles, newest last in no particular site order."""
