"""Titles, role nouns and organisation heads with their CAMEO sectors (data only).

CAMEO sectors used: GOV government, MIL military, COP police, REB rebels,
UAF unaligned armed forces, SPY intelligence, JUD judiciary, LEG legislature,
OPP opposition, PTY party, MED media, CVL civilians, BUS business, IGO
international organisation, NGO non-governmental organisation.
"""

from __future__ import annotations

from typing import Final

#: Capitalised titles that precede a person's name -> sector (None: no sector implied).
TITLES: Final[dict[str, str | None]] = {
    "President": "GOV", "Vice President": "GOV", "Prime Minister": "GOV", "Premier": "GOV",
    "Chancellor": "GOV", "Minister": "GOV", "Foreign Minister": "GOV",
    "Defense Minister": "GOV", "Defence Minister": "GOV", "Interior Minister": "GOV",
    "Deputy Foreign Minister": "GOV", "Deputy Minister": "GOV", "Deputy Prime Minister": "GOV",
    "Secretary": "GOV", "Secretary of State": "GOV", "Secretary-General": "IGO",
    "Secretary General": "IGO", "Foreign Secretary": "GOV", "Defense Secretary": "GOV",
    "Defence Secretary": "GOV", "Gov.": "GOV", "Governor": "GOV", "Mayor": "GOV",
    "Sen.": "LEG", "Senator": "LEG", "Rep.": "LEG", "Representative": "LEG", "Speaker": "LEG",
    "Ambassador": "GOV", "Amb.": "GOV", "Envoy": "GOV", "Spokesman": "GOV",
    "Spokeswoman": "GOV", "Spokesperson": "GOV", "King": "GOV", "Queen": "GOV",
    "Prince": "GOV", "Crown Prince": "GOV", "Emir": "GOV", "Sheikh": "GOV", "Sultan": "GOV",
    "Ayatollah": "GOV", "Supreme Leader": "GOV", "Pope": None, "Judge": "JUD",
    "Justice": "JUD", "Chief Justice": "JUD", "Prosecutor": "JUD", "Prosecutor General": "JUD",
    "Attorney General": "JUD", "Mr.": None, "Mrs.": None, "Ms.": None, "Dr.": None,
    "Prof.": None, "Rev.": None, "Sir": None, "Dame": None, "Lord": None, "Lady": None,
    "Chairman": None, "Chairwoman": None, "Chair": None, "Director": None, "Commissioner": None,
    "Patriarch": None, "Archbishop": None, "Bishop": None, "Cardinal": None, "Imam": None,
    "Rabbi": None, "Father": None, "Deputy": None, "Acting": None, "Former": None,
    "Senior": None, "Chief": None, "Head": None, "Leader": None, "Adviser": "GOV",
    "Advisor": "GOV", "Presidential Adviser": "GOV", "Aide": "GOV",
    # Military ranks: the person is military.
    "Gen.": "MIL", "General": "MIL", "Lt.": "MIL", "Lieutenant": "MIL", "Lt. Gen.": "MIL",
    "Col.": "MIL", "Colonel": "MIL", "Lt. Col.": "MIL", "Maj.": "MIL", "Major": "MIL",
    "Maj. Gen.": "MIL", "Brig.": "MIL", "Brigadier": "MIL", "Brig. Gen.": "MIL",
    "Capt.": "MIL", "Captain": "MIL", "Sgt.": "MIL", "Sergeant": "MIL", "Adm.": "MIL",
    "Admiral": "MIL", "Vice Adm.": "MIL", "Rear Adm.": "MIL", "Cmdr.": "MIL",
    "Commander": "MIL", "Marshal": "MIL", "Field Marshal": "MIL", "Cpl.": "MIL", "Pvt.": "MIL",
    "Commander-in-Chief": "MIL",
}

#: Lower-case role nouns heading a group or a person -> sector.
ROLE_NOUNS: Final[dict[str, str | None]] = {
    # military
    "military": "MIL", "militaries": "MIL", "army": "MIL", "armies": "MIL", "navy": "MIL",
    "forces": "MIL", "force": "MIL", "troops": "MIL", "soldiers": "MIL", "soldier": "MIL",
    "servicemen": "MIL", "marines": "MIL", "units": "MIL", "unit": "MIL", "battalion": "MIL",
    "battalions": "MIL", "brigade": "MIL", "brigades": "MIL", "commanders": "MIL",
    "commander": "MIL", "generals": "MIL", "helicopters": "MIL",
    "helicopter": "MIL", "jets": "MIL", "warplanes": "MIL", "warplane": "MIL",
    "aircraft": "MIL", "drones": "MIL", "drone": "MIL", "warships": "MIL", "warship": "MIL",
    "tanks": "MIL", "artillery": "MIL", "fleet": "MIL", "reservists": "MIL",
    "paratroopers": "MIL", "defences": "MIL", "defenses": "MIL", "air defence": "MIL",
    "air defense": "MIL", "staff": "MIL", "defense ministry": "MIL", "defence ministry": "MIL",
    "ministry of defense": "MIL", "ministry of defence": "MIL", "general staff": "MIL",
    "military intelligence": "MIL", "armed forces": "MIL", "air force": "MIL",
    "delegation": "GOV", "delegations": "GOV",
    # government
    "government": "GOV", "governments": "GOV", "officials": "GOV", "official": "GOV",
    "authorities": "GOV", "administration": "GOV", "ministry": "GOV", "ministries": "GOV",
    "minister": "GOV", "ministers": "GOV", "president": "GOV", "presidency": "GOV",
    "spokesman": "GOV", "spokeswoman": "GOV", "spokesperson": "GOV", "governor": "GOV",
    "governors": "GOV", "mayor": "GOV", "leader": "GOV", "leaders": "GOV", "leadership": "GOV",
    "cabinet": "GOV", "regime": "GOV", "junta": "GOV", "diplomats": "GOV", "diplomat": "GOV",
    "ambassador": "GOV", "envoy": "GOV", "embassy": "GOV", "adviser": "GOV", "advisor": "GOV",
    "office": "GOV", "foreign ministry": "GOV", "prime minister": "GOV", "state": "GOV",
    "representatives": "GOV", "negotiators": "GOV", "council": "GOV", "agency": "GOV",
    "side": "GOV", "chief": "GOV", "group": None, "movement": None, "counterpart": "GOV",
    "counterparts": "GOV", "officers": None, "officer": None, "neighbours": "GOV",
    "neighbors": "GOV", "countries": "GOV", "nations": "GOV", "sides": "GOV", "rivals": "GOV",
    "foes": "GOV", "adversaries": "GOV", "capitals": "GOV",
    # others
    "police": "COP", "policemen": "COP", "police officers": "COP", "border guards": "COP",
    "guards": "COP", "parliament": "LEG", "lawmakers": "LEG", "legislators": "LEG",
    "congress": "LEG", "senate": "LEG", "court": "JUD", "courts": "JUD", "judges": "JUD",
    "prosecutors": "JUD", "intelligence": "SPY", "security service": "SPY", "spies": "SPY",
    "rebels": "REB", "rebel": "REB", "militants": "REB", "militant": "REB",
    "insurgents": "REB", "separatists": "REB", "separatist": "REB", "guerrillas": "REB",
    "fighters": "REB", "jihadists": "REB", "militia": "UAF", "militias": "UAF",
    "paramilitaries": "UAF", "mercenaries": "UAF", "gunmen": "UAF", "terrorists": "REB",
    "opposition": "OPP", "party": "PTY", "media": "MED", "journalists": "MED",
    "journalist": "MED", "reporters": "MED", "newspaper": "MED", "broadcaster": "MED",
    "residents": "CVL", "civilians": "CVL", "citizens": "CVL", "villagers": "CVL",
    "people": "CVL", "children": "CVL", "protesters": "CVL", "workers": "CVL",
    "refugees": "CVL", "families": "CVL", "population": "CVL", "migrants": "CVL",
    "businesses": "BUS",
    "companies": "BUS", "company": "BUS", "firms": "BUS", "source": None, "sources": None,
}

#: Lower-case words that may stand between a country word and a role noun
#: ("Russian defence ministry", "Ukraine's military intelligence") -> sector they imply.
ROLE_MODIFIERS: Final[dict[str, str | None]] = {
    "defence": "MIL", "defense": "MIL", "military": "MIL", "armed": "MIL", "naval": "MIL",
    "air": "MIL", "ground": "MIL", "special": None, "border": None, "foreign": "GOV",
    "interior": "GOV", "regional": "GOV", "local": "GOV", "federal": "GOV", "state": "GOV",
    "presidential": "GOV", "government": "GOV", "emergency": "GOV", "emergencies": "GOV",
    "security": None, "intelligence": "SPY", "senior": None, "top": None, "former": None,
    "deputy": None, "chief": None, "police": "COP", "health": "GOV", "district": "GOV",
    "city": "GOV", "provincial": "GOV", "municipal": "GOV", "occupation": "GOV",
    "pro-russian": "REB", "separatist": "REB", "rebel": "REB", "paramilitary": "UAF",
    "elite": None, "remaining": None, "available": None, "allied": None, "frontline": "MIL",
    "information": "GOV", "external": "GOV", "affairs": "GOV", "general": None,
}

#: Capitalised words that head an organisation's name -> sector (None: unknown sector).
ORG_HEADS: Final[dict[str, str | None]] = {
    "Ministry": "GOV", "Department": "GOV", "Office": "GOV", "Administration": "GOV",
    "Agency": "GOV", "Service": "GOV", "Council": "GOV", "Commission": "GOV",
    "Committee": "GOV", "Bureau": "GOV", "Cabinet": "GOV", "Government": "GOV",
    "Presidency": "GOV", "Directorate": "GOV", "Authority": "GOV", "Secretariat": "GOV",
    "Army": "MIL", "Navy": "MIL", "Forces": "MIL", "Force": "MIL", "Fleet": "MIL",
    "Staff": "MIL", "Command": "MIL", "Guard": "MIL", "Guards": "MIL", "Brigade": "MIL",
    "Battalion": "MIL", "Regiment": "MIL", "Corps": "MIL", "Marines": "MIL",
    "Police": "COP", "Parliament": "LEG", "Assembly": "LEG", "Congress": "LEG",
    "Senate": "LEG", "Court": "JUD", "Tribunal": "JUD", "Party": "PTY", "Front": "REB",
    "Movement": None, "Brotherhood": None, "Organization": None, "Organisation": None,
    "Union": None, "Association": None, "League": None, "Institute": None, "University": "EDU",
    "Academy": None, "Foundation": "NGO", "Fund": None, "Bank": "BUS", "Company": "BUS",
    "Corporation": "BUS", "Corp.": "BUS", "Inc.": "BUS", "Ltd": "BUS", "Group": None,
    "Technologies": "BUS", "Industries": "BUS", "Systems": "BUS", "Airlines": "BUS",
    "Times": "MED", "Post": "MED", "News": "MED", "Examiner": "MED", "Journal": "MED",
    "Herald": "MED", "Tribune": "MED", "Telegraph": "MED", "Gazette": "MED", "Daily": "MED",
    "Independent": "MED", "Radio": "MED", "Television": "MED", "TV": "MED", "Press": "MED",
    "Hospital": None, "Centre": None, "Center": None, "Plant": "BUS", "Station": None,
    "Ministries": "GOV", "Departments": "GOV", "Services": "GOV", "Enquirer": "MED",
}

#: Capitalised words that end names of things, not of people ("Night Team", "Getty Images").
NOT_NAME_WORDS: Final = frozenset(
    {"Team", "Election", "Elections", "Images", "Photos", "Pictures", "Topics", "Day", "Week",
     "Year", "Games", "Cup", "War", "Operation", "Plan", "Act", "Bill", "Award", "Prize",
     "Festival", "Summit", "Conference", "Forum", "Report", "Review", "Index", "Video",
     "Airport", "Street", "Road", "Avenue", "Square", "Bridge", "Building", "Tower", "Museum",
     "Theatre", "Theater", "Stadium", "Park", "River", "Lake", "Mountains", "Sea", "Ocean",
     "Island", "Islands", "Valley", "Desert", "Peninsula", "Strait", "Canal", "Treaty",
     "Accord", "Agreement", "Declaration", "Doctrine", "Initiative", "Program", "Programme",
     "Project", "System", "Systems", "Network", "Media", "Online", "Magazine", "Channel",
     "Weekly", "Monthly", "Agency", "Group", "Council", "Region", "Oblast", "Province",
     "District", "Territory", "Territories", "Republic", "Kingdom", "Empire", "Federation",
     "Coalition", "Alliance", "Front", "Line", "Zone", "Corridor", "Offensive", "Counteroffensive",
     "Campaign", "Crisis", "Revolution", "Uprising", "Palace", "Hall", "House"}
)

#: Words that follow a place name in a region's name ("Belgorod region", "Kharkiv Oblast").
REGION_WORDS: Final = frozenset(
    {"region", "Region", "oblast", "Oblast", "province", "Province", "district", "District",
     "governorate", "Governorate", "krai", "Krai", "county", "County", "prefecture",
     "Prefecture", "state", "State"}
)

#: Nouns that make a country word a place, not an actor ("Russian territory").
TERRITORY_NOUNS: Final = frozenset(
    {"territory", "soil", "border", "borders", "airspace", "side", "land", "lands", "waters",
     "villages", "village", "city", "cities", "town", "towns", "region", "regions", "areas",
     "area", "frontier", "facilities", "targets", "positions", "railway",
     "bridge", "infrastructure", "base", "bases", "depot", "oil", "fuel", "port", "ports"}
)

#: Role nouns that name one person ("the army chief", "the foreign minister"): "he" and "she"
#: may refer to them.
PERSON_ROLES: Final = frozenset(
    {"chief", "minister", "president", "spokesman", "spokeswoman", "spokesperson", "governor",
     "mayor", "leader", "ambassador", "envoy", "adviser", "advisor", "commander", "counterpart",
     "prime minister", "officer", "official", "diplomat", "general", "king", "queen", "emir"}
)
