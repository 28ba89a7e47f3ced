#!/usr/bin/env python3
"""Convert the real-world corpus (raw/) into documents of the model, and classify how well it fits.

Every raw source file (raw/<area>/<stem>.json, see raw/FORMAT.md) becomes one `dataset` document,
converted/<area>/<stem>.json; a source whose records belong to several municipalities becomes one
document per municipality, converted/<area>/<stem>--<municipality>.json. Each raw record becomes
one partnership, project or feedback scheme of that document.

The conversion is faithful: every value comes from a fact's `value`, or, in an `as_written` entry,
from its `as_written` words. Codes are chosen by the mapping tables below, from the fact's words;
a word that no table knows stops the conversion, so new data is read by a person before it is
converted. Where no code fits, only the words are kept (`as_written` at the field's pointer).

For every fact the converter records where it went: the JSON Pointers of the document that hold
it, `notes` when it survives only as prose in a `notes` field. A record then

- **fits** when every fact has a structured place (a field other than `notes`),
- is **prose** when some fact survives only in `notes`,
- **does not fit** when a fact has no place at all, or a required field would need a value the
  source does not give.

Usage (from the repository root; `make realworld` and `make realworld-update` run these):

    python3 tests/realworld/convert.py --check --cli target/debug/kommun-intl
    python3 tests/realworld/convert.py --update --cli target/debug/kommun-intl

`--check` converts into memory and fails when a converted document has a validation error, when
it differs from the committed one in converted/ (drift), when a fact's pointer does not resolve,
or when a record classifies worse than in the committed baseline.json. `--update` rewrites
converted/, placement.json and baseline.json. Python 3.9 or newer, standard library only.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
RAW = HERE / "raw"
CONVERTED = HERE / "converted"
PLACEMENT = HERE / "placement.json"
BASELINE = HERE / "baseline.json"
SCHEMA = ROOT / "schemas" / "dataset.schema.json"
SCB = ROOT / "crates" / "kommun-intl" / "data" / "scb-municipalities.tsv"
AREAS = ("partnerships", "projects", "feedback")
SCHEMA_REF = "../../../../schemas/dataset.schema.json"

Json = Any
FITS, PROSE, MISFIT = "fits", "prose", "does not fit"
RANK = {FITS: 0, PROSE: 1, MISFIT: 2}


class Unmapped(Exception):
    """A fact's words that no mapping table knows: extend the table after reading the source."""


def lookup(table: Dict[Any, Any], key: Any, what: str) -> Any:
    if key not in table:
        raise Unmapped(f"{what}: no mapping for {key!r}")
    return table[key]


# ------------------------------------------------------------------------------------------------
# The municipality: SCB's table gives the code and the place's name; the municipality's own name
# (what it calls itself, a public fact) is below. The validator checks that it names the place.

OFFICIAL_NAMES = {
    "Borås": "Borås Stad",
    "Falun": "Falu kommun",
    "Gotland": "Region Gotland",
    "Göteborg": "Göteborgs Stad",
    "Haparanda": "Haparanda stad",
    "Lidingö": "Lidingö stad",
    "Malmö": "Malmö stad",
    "Stockholm": "Stockholms stad",
    "Sundbyberg": "Sundbybergs stad",
    "Västerås": "Västerås stad",
    # "<name> kommun", in the genitive where the name takes one ("Lunds kommun").
    "Berg": "Bergs kommun",
    "Bjurholm": "Bjurholms kommun",
    "Boden": "Bodens kommun",
    "Borgholm": "Borgholms kommun",
    "Enköping": "Enköpings kommun",
    "Falköping": "Falköpings kommun",
    "Filipstad": "Filipstads kommun",
    "Hultsfred": "Hultsfreds kommun",
    "Härnösand": "Härnösands kommun",
    "Hässleholm": "Hässleholms kommun",
    "Karlsborg": "Karlsborgs kommun",
    "Kungälv": "Kungälvs kommun",
    "Lilla Edet": "Lilla Edets kommun",
    "Lindesberg": "Lindesbergs kommun",
    "Lund": "Lunds kommun",
    "Mellerud": "Melleruds kommun",
    "Norrköping": "Norrköpings kommun",
    "Nynäshamn": "Nynäshamns kommun",
    "Simrishamn": "Simrishamns kommun",
    "Söderhamn": "Söderhamns kommun",
    "Vingåker": "Vingåkers kommun",
    "Vänersborg": "Vänersborgs kommun",
    "Älmhult": "Älmhults kommun",
    "Älvdalen": "Älvdalens kommun",
    "Åmål": "Åmåls kommun",
    "Östersund": "Östersunds kommun",
}
# Names that end in a vowel, or in s or x, take no genitive s: "Vara kommun", "Kalix kommun";
# Kalmar is "Kalmar kommun" by its own usage.
PLAIN_KOMMUN = {
    "Ale", "Alingsås", "Arvika", "Borlänge", "Botkyrka", "Ekerö", "Eskilstuna", "Forshaga",
    "Gävle", "Habo", "Haninge", "Herrljunga", "Huddinge", "Härryda", "Hörby", "Kalix", "Kalmar",
    "Karlskoga", "Karlskrona", "Kumla", "Lycksele", "Mjölby", "Mora", "Ockelbo", "Pajala", "Piteå",
    "Robertsfors", "Sigtuna", "Skellefteå", "Skövde", "Sollefteå", "Sollentuna", "Strängnäs",
    "Svenljunga", "Tyresö", "Uddevalla", "Umeå", "Upplands-Bro", "Uppsala", "Vallentuna", "Vara",
    "Vetlanda", "Vimmerby", "Växjö", "Ånge", "Åre", "Öckerö", "Örebro",
}


def scb_table() -> Dict[str, str]:
    rows = SCB.read_text(encoding="utf-8").splitlines()[1:]
    return {r.split("\t")[0]: r.split("\t")[1] for r in rows if r.strip()}


def official_name(place: str) -> str:
    if place in OFFICIAL_NAMES:
        return OFFICIAL_NAMES[place]
    if place in PLAIN_KOMMUN:
        return f"{place} kommun"
    raise Unmapped(f"municipality: no official name for {place!r}")


# Letters that Unicode does not decompose into a base letter and a mark.
TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "o", "ð": "d", "þ": "th", "ß": "ss", "ł": "l",
                                 "Æ": "AE", "Ø": "O", "Ð": "D", "Þ": "TH", "Ł": "L"})


def slug(text: str) -> str:
    """`Upplands-Bro` -> `upplands-bro`, `lund/borga` -> `lund-borga`: the id pattern's alphabet."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(TRANSLITERATION))
    ascii_text = ascii_text.encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9_-]+", "-", ascii_text.lower()).strip("-")
    out = re.sub(r"-{2,}", "-", out)
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,63}", out):
        raise ValueError(f"cannot make an id of {text!r}")
    return out


# ------------------------------------------------------------------------------------------------
# Languages. A fact's `lang` says the language of its words; a fact without one is in the
# language of its source. These sources are not in Swedish (partnerships: raw/partnerships/
# INDEX.md; projects and feedback: read from the excerpts). A few words differ from their
# source's language and are listed by source and words.

SOURCE_LANG = {
    "partnerships/ale": "en", "partnerships/alingsas": "en", "partnerships/alvdalen": "de",
    "partnerships/amal": "en", "partnerships/boden-2": "en", "partnerships/eskilstuna-2": "en",
    "partnerships/huddinge": "no", "partnerships/karlskrona": "is", "partnerships/norrkoping": "fo",
    "partnerships/strangnas": "de", "partnerships/svenljunga": "de", "partnerships/uddevalla-2": "da",
    "partnerships/vasteras-2": "da",
    "projects/cordis-ruggedised-reporting-period-2": "en",
    "projects/grabs-eu-partner-city-of-malmo": "en",
    "projects/hassleholm-avslutade-projekt-elaine": "en",
    "projects/hassleholm-sbpin-partners": "en",
    "projects/icld-24-new-international-partnerships": "en",
    "projects/icld-8-4-million-sek-municipal-partnerships": "en",
    "projects/icld-application-summaries-2016-period1": "en",
    "projects/icld-partnership-norrkoping-bihac": "en",
    "projects/icld-swedish-partner-norrkoping-noreld": "en",
    "projects/ingvarronnback-new-projects-in-kenya-2016": "en",
    "projects/koege-international-projects-sb-ycgn": "en",
    "projects/ltu-smart-sustainable-villages": "en",
    "projects/themayor-digiby-norrbotten": "en",
    "projects/umea-ruggedised-extension-2021": "en",
}
LANG_OVERRIDES = {
    ("projects/hassleholm-avslutade-projekt-elaine", "projekt som har avslutats"): "sv",
}


# ------------------------------------------------------------------------------------------------
# Mapping tables: the source's words -> codes of the model. `None`: no code says what the words
# say, so only the words are kept.

AGREEMENT_TYPES = {
    # Words for a twin town, in Swedish and in the partners' languages.
    "vänort": "twinning", "vänortsavtal": "twinning", "vänortssamarbete": "twinning",
    "vänortskedja": "twinning", "vänortskontakt": "twinning", "vänortsrelation": "twinning",
    "vänortsförbindelse": "twinning", "vänortsstad": "twinning", "vänortsutbyte": "twinning",
    "systerstad": "twinning", "systerstadsavtal": "twinning",
    "twin town / sister city": "twinning", "twin town": "twinning",
    "Städtepartnerschaft": "twinning", "Partnerstadt": "twinning",
    "vinabær": "twinning", "vinarbýur": "twinning", "venskabsby": "twinning",
    "vennskapskommune": "twinning",
    # Friendship: the words say friendship, not twinning (the code's label is "Vänskapsavtal").
    "vänskapsavtal": "friendship", "vänskapsförbindelse": "friendship",
    "överenskommelse om vänskapliga förbindelser": "friendship",
    "samarbetsavtal": "cooperation",
    "kommunalt partnerskap": "municipal_partnership",
    # Words that do not say which kind of agreement it is.
    "samarbete": None, "partnerskap": None, "partnership": None, "partnerskapsamarbete": None,
    "partnerskapsavtal": None, "trepartssamarbete": None, "trepartspartnerskap": None,
    "adoptivort": None,
}

PARTNER_LEVELS = {
    "municipality": "municipality", "Gemeinde": "municipality", "kommun": "municipality",
    "kommuna": "municipality", "kommune": "municipality", "landskommun": "municipality",
    "landsortskommun": "municipality", "rural municipality (kommun)": "municipality",
    "stad": "city", "Stad": "city", "Stadt": "city", "Town": "city",
    "län": "county",
    "landskommuner": "consortium", "landsortskommuner": "consortium",
    # A "distrikt" is an urban district only when it is part of a city (`partner.part_of`).
    "distrikt": "district-if-part-of",
    # A German Amt, a locality, a town that is a municipality's centre: no level says it.
    "Amt": None, "ort": None, "centralort": None,
}

NAME_KINDS = {
    "local": "local", "swedish": "swedish", "official": "official", "former": "former",
    "spelling_variant_in_source": "variant", "misspelling_in_source": "variant",
}
NAME_YEARS = {"until 1998": ("until", "1998")}

STATUSES = {
    # value -> (status code, kind of the decision it tells of, its outcome, whether the words
    # themselves tell of a decision or proposal)
    "pågående": ("active", None, None, False),
    "vilande": ("dormant", None, None, False),
    "pausat": ("paused", None, None, False),
    "avslutat": ("ended", "end", None, False),
    "avslutat (tidigare)": ("ended", None, None, False),
    "tidigare avtal": ("ended", None, None, False),
    "concluding": ("terminating", None, None, False),
    "to be terminated": ("terminating", "end", None, True),
    "to be ended": ("terminating", "end", None, True),
    "to be ended, partner to be consulted first": (None, None, None, True),
    "proposed to end": (None, "proposal", None, True),
    "proposed (motion), no partner named": (None, "proposal", None, True),
    "proposed, not adopted": (None, "proposal", None, True),
    "request declined": (None, "proposal", "rejected", True),
    "under review": (None, "review", None, True),
    "aktivt eller mer eller mindre vilande (not said which)": (None, None, None, False),
    "deltar endast vid speciella tillfällen": (None, None, None, False),
}
# The later state wins when a source gives two.
STATUS_ORDER = ["active", "dormant", "paused", "terminating", "ended"]

STATUS_PROPOSALS = {
    "avveckla (motion, answered without decision)": ("proposal", "answered"),
}
OUTCOMES = {"Motionen anses besvarad": "answered"}

NETWORKS: Dict[str, Dict[str, Any]] = {
    # value -> kind, and whether the value is the network's name
    "trilateral ICLD partnership": {"kind": "multilateral"},
    "trilateral": {"kind": "multilateral"},
    "four-party agreement": {"kind": "multilateral"},
    "ring av vänorter": {"kind": "ring"},
    "nordisk vänortsring": {"kind": "ring"},
    "vänortskedja": {"kind": "chain"},
    "nordisk vänortskedja": {"kind": "chain"},
    "nordiska vänorter": {},
    "nordiska vänortssamarbete": {},
    "norrænt vinabæjasamstarf": {},
    "vänortsgrupp": {},
    "nätverk av fyra städer": {},
    "venskabsbyer (seks byer)": {},
    "Askim's friendship municipalities": {},
    "Nykarleby's Nordic partners": {},
    "ICLD nätverk för demokratisk resiliens": {"kind": "association", "named": True},
    "ICLD partnerskapsnätverk Demokratisk resiliens": {"kind": "association", "named": True},
    "Schwedennetzwerk": {"kind": "association", "named": True},
    "Human Rights network": {"named": True},
    # A programme the gatherer filed as a network.
    "ICLD kommunala partnerskap": {"programme": "icld_partnership"},
}
# Members written with what became of them.
MEMBER_SUCCESSIONS = {
    "Hammel (numera Favrskov kommun)": ("Hammel", "Favrskov kommun"),
}

PARTNERSHIP_PROGRAMMES = {"Kommunalt partnerskap (KP), ICLD": "icld_partnership"}

AREAS_TABLE: Dict[str, List[str]] = {
    "Austausch mit jungen Menschen": ["youth_exchange"],
    "City planning and building": ["urban_planning"],
    "EU-fonder för infrastruktur": ["other"],
    "Education for democracy": ["democracy"],
    "Föreningar, skolor, företag etc.": ["other"],
    "Good governance": ["public_administration"],
    "Information": ["other"],
    "Nordisk Venskabsuge (NOVU) for unge": ["youth_exchange"],
    "Participation and voice": ["democracy"],
    "Sustainable waste management": ["water_waste"],
    "Tankeutbyte": ["other"],
    "Tekniska tjänster och infrastruktur": ["other"],
    "Waste management": ["water_waste"],
    "alla områden": ["other"],
    "arbetsmarknad": ["labour"],
    "avfallshantering": ["water_waste"],
    "barnböcker till det kommunala biblioteket": ["culture"],
    "beredskap och krishantering": ["safety"],
    "bistånd i form av utbildning och rådgivning": ["aid"],
    "bistånd": ["aid"],
    "brevkontakter": ["other"],
    "cykelvägar": ["transport"],
    "demokratifrågar": ["democracy"],
    "digitalt mät-, kart- och informationssystem": ["digitalisation"],
    "erfarenhetsutbyte": ["other"],
    "erfarenhetsutbyten": ["other"],
    "fritid": ["other"],
    "hälsa och idrott": ["health", "sport"],
    "idrett": ["sport"],
    "idrott": ["sport"],
    "idrottsutbyten": ["sport"],
    "idéer": ["other"],
    "jämställdhet": ["equality_rights"],
    "kommunal demokrati": ["democracy"],
    "kommunal verksamhet": ["public_administration"],
    "konferanser og arrangementer innenfor ulike fagområder": ["other"],
    "kontaktmöte för borgmästarna och verkställande direktörer": ["public_administration"],
    "kultur": ["culture"],
    "kulturella utbyten": ["culture"],
    "kulturentreprenörskap (projektet Selling)": ["culture"],
    "kulturområdet": ["culture"],
    "kulturutbyte": ["culture"],
    "kunskap": ["other"],
    "lokal demokrati": ["democracy"],
    "miljö och planering": ["environment", "urban_planning"],
    "minska antalet barn som behöver omhändertas": ["social_care"],
    "nordisk förskolekonferens": ["education"],
    "nordisk vänortsvecka för ungdomar (NOVU)": ["youth_exchange"],
    "näringsliv": ["business"],
    "olika erfarenheter": ["other"],
    "politiker- og arbeidstakerutvekslinger": ["public_administration"],
    "service på två språk": ["other"],
    "skola": ["education"],
    "skola/social välfärd": ["education", "social_care"],
    "skolutbyten": ["school_exchange"],
    "sophantering": ["water_waste"],
    "specifika projekt": ["other"],
    "sport": ["sport"],
    "transportfrågor": ["transport"],
    "turism": ["tourism"],
    "turistsamarbete": ["tourism"],
    "ungdomar (Las Tías)": ["other"],
    "ungdomar": ["other"],
    "ungdomsprojekt": ["other"],
    "utbildning av politiker i grundläggande demokrati- och organisationsfrågor": ["democracy"],
    "utbyte på föreningsnivå": ["civil_society"],
    "utbyte på kommunal nivå": ["public_administration"],
    "vattenförsörjning": ["water_waste"],
    "vitan, hugskot og mentan": ["culture", "other"],
    "young people’s participation potential": ["democracy"],
    "årligt kontaktmandsmøde for borgmestre og kommunaldirektører": ["public_administration"],
    # Project themes.
    "Hållbara transporter": ["transport"],
    "barn och ungdomsinflytande": ["democracy"],
    "barn- och ungdomsinflytande": ["democracy"],
    "besöksnäring": ["tourism"],
    "capacity building for waste and water management, and gender equality":
        ["water_waste", "equality_rights"],
    "civil dialogue": ["democracy"],
    "climate change": ["climate_energy"],
    "coordination of measures targeting vulnerable families": ["social_care"],
    "digitalisering": ["digitalisation"],
    "global goals in schools": ["education"],
    "hemlöshet": ["social_care"],
    "integration of migrants and refugees": ["inclusion"],
    "integration, youth perspectives, urban planning (to be reviewed)":
        ["inclusion", "urban_planning", "other"],
    "jämlik hälsa": ["health"],
    "jämlik och rättvis tillgång till vatten": ["water_waste"],
    "kartläggning av personer långt ifrån arbetsmarknaden": ["labour"],
    "klimatförändringar": ["climate_energy"],
    "klimatförändringar; ungas inkludering i miljöfrågor": ["climate_energy", "environment"],
    "motverka könsbaserat våld": ["equality_rights"],
    "nyckelkompetenser och aktivt medborgarskap": ["education", "democracy"],
    "socialt företagande": ["business"],
    "solid waste management; governance": ["water_waste", "public_administration"],
    "stärka marginaliserade grupper": ["inclusion"],
    "sustainable urban transport systems": ["transport"],
    "tillväxt inom data och elektronik": ["business_development", "technology"],
    "waste management": ["water_waste"],
    "young people's participation": ["democracy"],
    "återvinning, avfallsminimering, cirkulär ekonomi och minskad nedskräpning": ["water_waste"],
}

# relation.funding value -> funding source (a name is words of the value)
PARTNERSHIP_FUNDING = {
    "275 000 kronor från ICLD (SIDA)": {"type": "national_government", "name": "ICLD"},
    "ICLD": {"type": "national_government", "name": "ICLD"},
    "Sveriges kommuner och landstings biståndsbolag, runt en miljon kronor":
        {"type": "other", "name": "Sveriges kommuner och landstings biståndsbolag"},
    "kommunen bidrar med reskostnader": {"type": "municipality"},
    "omkring 50 000 kronor årligen, bl.a. från kommunens anställda":
        {"type": "other", "name": "kommunens anställda"},
}

LOCAL_PARTIES = {
    "skolor": "school", "skolklasser": "school", "föreningar": "association",
    "föreningen Norden": "association", "Föreningen Norden": "association",
    "Föreningen Norden (västsvenska kretsen)": "association",
    "vänortsföreningen Lund-León": "association", "Tyresö vänortsförening": "association",
    "Vänortsföreningen Strängnäs-Ratzeburg": "association",
    "Västmanlands kommunförbund, länsstyrelsen, landstinget, Västerås stad och ett flertal av "
    "länets övriga kommuner": "other",
}

# relation.phase / relation.origin value -> phase
PARTNERSHIP_PHASES = {
    "samarbetsprojekt (förberedelse) 2016-2017":
        {"kind": "preparation", "name": "samarbetsprojekt", "start": "2016", "end": "2017"},
    "bistånd 1940 – början av 50-talet": {"name": "bistånd", "start": "1940", "end": "195X"},
    "demokratiprojekt": {"name": "demokratiprojekt"},
}
# relation.predecessor value -> the record it names, in the same source
PREDECESSORS = {"Liepaja Distrikt (2005)": "karlskrona/liepaja-distrikt"}
AGE_YEARS = {"50 years": (50, None), "7 years": (7, None), "20 years in 2010": (20, "2010")}
# end facts by their `kind`: where an end goes
END_KINDS = {
    None: "end",
    "project period end (planned)": "planned_end",
    "left the regular group": "phase",
}

# Projects.
PROGRAMMES = {
    "6th framework programme": "framework_programme",
    "Comenius": "comenius",
    "Erasmus+": "erasmus_plus",
    "Europe for Citizens": "europe_for_citizens",
    "Horisont 2020": "horizon_2020",
    "Horizon 2020": "horizon_2020",
    "ICLD Municipal Partnership Programme": "icld_partnership",
    "ICLD kommunala partnerskap": "icld_partnership",
    "ICLD kommunalt partnerskap": "icld_partnership",
    "ICLD municipal partnership (development partnership)": "icld_partnership",
    "Interreg (Nordkalotten)": "interreg",
    "Interreg IIIB North Sea": "interreg_b",
    "Interreg IV A Nord": "interreg_a",
    "Interreg Nord": "interreg_a",
    "Interreg South Baltic": "interreg_a",
    "Interreg Sverige-Norge": "interreg_a",
    "LIFE": "life",
    "Leader (Tornedalen 2020)": "other",
    "Leader": "other",
    "URBACT": "urbact",
    "regionalfondsprogrammet Skåne-Blekinge": "erdf",
}
PERIOD_RE = re.compile(r"[0-9]{4}-[0-9]{4}")

FUNDERS = {
    "EU": ("eu", False),
    "EU (Horizon 2020)": ("eu", True), "EU (Interreg)": ("eu", True),
    "EU-kommissionen": ("eu", True), "Horisont 2020": ("eu", True),
    "European Agricultural Fund for Rural Development": ("eu", True),
    "Europeiska jordbruksfonden för landsbygdsutveckling": ("eu", True),
    "Europeiska regionala utvecklingsfonden": ("eu", True),
    "Europeiska regionala utvecklingsfonden (ERUF)": ("eu", True),
    "Europeiska socialfonden": ("eu", True),
    "Interreg South Baltic programme": ("eu", True),
    "ICLD": ("national_government", True), "Sida": ("national_government", True),
    "Internationella programkontoret": ("national_government", True),
    "Tillväxtverket": ("national_government", True),
    "Arbetsförmedlingen": ("national_government", True),
    # Money of several kinds in one figure, a programme of both, or not Swedish state money.
    "EU-medel samt statliga medel": ("other", True),
    "Jordbruksverkets Landsbygdsprogram": ("other", True),
    "Lapin liitto": ("other", True), "Region Norrbotten": ("other", True),
    "LAG": ("other", True), "norska statliga IR-midler": ("other", True),
}
PROGRAMME_FUNDER = {
    "icld_partnership": "national_government", "other": None, "nordplus": "nordic",
}

# project.status value -> (status code, outcome of the funding decision)
PROJECT_STATUSES = {
    "approved": (None, "adopted"),
    "rejected": ("cancelled", "rejected"),
    "avslutat": ("completion", None),
    "genomförd": ("completion", None),
    "pågående": ("implementation", None),
    "pågående (at the time of writing)": ("implementation", None),
    "continued": ("implementation", None),
}
APPLICATION_TYPES = {
    "Project": "implementation", "Inception": "preparation", "Steering group": "governance",
    "Steering Group": "governance", "Development/Expansion": "extension",
}
OWN_ROLES = {
    "Lighthouse-stad": "lighthouse_city", "lighthouse city": "lighthouse_city",
    "demonstrationsstad": "lighthouse_city",
    "associated partner": "associated_partner",
    "coordinator": "coordinator", "leder (koordinator)": "coordinator",
    "lead partner": "coordinator", "leder, tillsammans med Köln och Barcelona": "coordinator",
    "projektägare": "coordinator",
    "svensk projektägare": "national_coordinator",
    "partner": "partner", "project partner": "partner", "partner (Local Authority)": "partner",
    "partner (samarbetspartner)": "partner", "Swedish partner (as Region Gotland)": "partner",
    "övrig medverkande": "other",
    # The words do not say which role (taking part, receiving the grant, owning the result).
    "deltagare": None, "participant": None, "leder det lokala arbetet": None,
    "stödmottagare": None, "ägare av nätet": None, "ägare av nätet efter projekttiden": None,
}
# organisation role words -> (role, kind of organisation)
ORG_ROLES = {
    "partner": ("partner", None), "project partner": ("partner", None),
    "local partner": ("partner", None), "Swedish partner": ("partner", None),
    "collaboration partner": ("partner", None), "collaboration partners": ("partner", None),
    "partner (city)": ("partner", "municipality"), "partner (county)": ("partner", "region"),
    "associated partner": ("associated_partner", None),
    "coordinator": ("coordinator", None), "lead partner": ("coordinator", None),
    "lead partner (huvudansvarige)": ("coordinator", None),
    "lead partner (huvudpartner)": ("coordinator", None),
    "lead applicant (huvudsökande)": ("coordinator", None),
    "lead (spearheaded by)": ("coordinator", None), "project owner": ("coordinator", None),
    "projektansvarig": ("coordinator", None),
    "Norwegian project owner (norsk prosjekteier)": ("national_coordinator", None),
    "leder Sveriges del": ("national_coordinator", None),
    "lighthouse city": ("lighthouse_city", None), "demonstrationsstad": ("lighthouse_city", None),
    "fellow city": ("follower_city", None), "följer (follower city)": ("follower_city", None),
    "participant (municipal company)": (None, "company"),
    "Swedish part (applicant)": (None, None), "fellow network member": (None, None),
    "samordnare åt Växjö kommun": (None, None),
}
# Organisations the source does not name: the gatherer's description is not a name.
UNNAMED_ORGS = {
    "a municipality in Kenya (unnamed)", "a partner municipality in Botswana (unnamed)",
    "a partner in Bosnia and Herzegovina (unnamed)", "a municipality in South Africa (unnamed)",
    "a South African partner (unnamed)", "two organisations working with youth engagement",
    "municipalities",
}
# Earlier projects the source describes without naming them: `follows` holds names.
UNNAMED_PREDECESSORS = {"a previous project on solid waste management"}
PROJECT_PHASE_KINDS = {
    "förstudie": "preparation", "inception phase": "preparation",
    "Inception Phase": "preparation", "partnership project": "implementation",
    "utvärdering": "evaluation", "reporting period 2": None, "ombyggnad och nybyggnad": None,
}
ID_SCHEMES = {"icld_application": "icld", "cordis_rcn": "cordis"}
# Money a source states twice in one sentence: the rounded figure is the same grant.
SAME_GRANT_AGAIN = {("projects/nodra-bihac-demokratisamarbete", "kvarts miljon")}
# Two-currency amounts whose "ca" belongs to the second currency only.
APPROXIMATE_ALSO_ONLY = {"25 miljoner euro (ca 230 miljoner kronor)"}
COUNT_KINDS = {"project.organisation.count_stated": "organisations",
               "project.subprojects.count_stated": "subprojects",
               "project.participants.count": "participants"}
# A partnership's start given in a project record: where it goes in the partnership.
PARTNERSHIP_START_IN_PROJECT = {"norrkoping/norbih-icld": "first_contact"}

# Feedback schemes.
CATEGORIES = {
    "beröm": "praise", "positiv synpunkt eller beröm": "praise",
    "klagomål": "complaint", "Klagomål på barnomsorg, skola och fritidshem": "complaint",
    "förslag": "suggestion", "förbättringsförslag": "suggestion", "förslag på förbättringar":
    "suggestion", "idéer": "suggestion", "tips": "suggestion",
    "synpunkt": "view", "synpunkter": "view", "negativ synpunkt": "view",
    "negativa synpunkter": "view", "synpunkter (kritiska och berömmande)": "view",
    "frågor (till kommunfullmäktige)": "question",
    "felanmälan": "fault_report", "felanmälningar": "fault_report",
    "felanmälan kommunal fastighet": "fault_report", "fel i den offentliga miljön": "fault_report",
    "akut felanmälan": "fault_report", "Felanmälan av trasig belysning": "fault_report",
    "felanmälan av utemiljöer": "fault_report", "hål i gatan": "fault_report",
    "trasig gatubelysning": "fault_report", "nedskräpning": "fault_report",
    "gator": "fault_report", "cykelvägar": "fault_report", "lekplatser": "fault_report",
    "parker": "fault_report", "grönområden": "fault_report", "idrottsplatser": "fault_report",
    "friluftsbad": "fault_report",
    "skadegörelse eller trasig belysning på kommunens fastigheter": "fault_report",
    "slocknade lampor eller nedsläckt sträcka": "fault_report",
    "trafikskada eller annan yttre skada på belysningsstolpar eller kablar": "fault_report",
    # Formal proposals offered beside feedback, and a category that mixes two.
    "medborgarförslag": "other", "medborgarinitiativ": "other", "e-förslag": "other",
    "Synpunkter och klagomål på socialförvaltningens verksamheter": "other",
}
# channel value -> (channel code, named service in the words, urgent only); None: no code
CHANNELS: Dict[str, Optional[Tuple[str, Optional[str], bool]]] = {
    "app": ("app", None, False), "besök": ("visit", None, False),
    "brev": ("letter", None, False), "e-post": ("email", None, False),
    "telefon": ("phone", None, False), "telefon (växeln)": ("phone", None, False),
    "telefon (akut)": ("phone", None, True),
    "e-tjänst": ("web", None, False), "webb (e-tjänst)": ("web", None, False),
    "webbformulär": ("web", None, False), "webbplats": ("web", None, False),
    "e-tjänst för felanmälan": ("web", None, False), "e-tjänst för synpunkter": ("web", None, False),
    "e-tjänst Gör felanmälan": ("web", "Gör felanmälan", False),
    "e-tjänst Lämna synpunkt": ("web", "Lämna synpunkt", False),
    "e-tjänst Lämna Lundaförslag": ("web", "Lämna Lundaförslag", False),
    # No channel code: a paper form, a system not named, talking to anyone who works there.
    "blankett": None, "digital system": None, "personal contact with any employee": None,
    "personal contact with the unit": None,
}
CHANNEL_WORDS_AT = {"blankett": "/forms", "digital system": "/system"}
APP_STORES = {"Google Play": "google", "Google Play (Android)": "google", "App store": "apple",
              "App Store (iPhone)": "apple", "Microsoft apps (Windows Phone)": "microsoft"}
# third_party value -> where it goes
THIRD_PARTIES = {
    "FixaMinGata (Sambruk, KIVOS, FFKP)": "system",
    "external site (name not given)": "system-words",
    "Lundafastigheter felanmälningssystem": "channel",
    # The service for what this scheme does not take (felanmälan): the model has no place.
    "DeDu": "notes",
}
ANONYMOUS = {
    "allowed": True, "allowed; then no besked": True, "allowed; then no contact": True,
    "allowed; then no feedback": True, "allowed, then no reply": True,
    "always allowed; then no besked": True, "allowed for synpunkter (no reply then)": True,
    "not allowed for medborgarförslag": "proposal-false",
}
REPLIES = {
    "confirmation and contact if a name is given": True,
    "aim: confirmation of receipt and of measures taken": True,
    "reply if name and contact details are given": True,
    "confirmation naming the handler, then a decision from the handler": True,
    "reply given in the e-service": True,
    "confirmation of receipt (medborgarförslag)": "proposal-words",
    "feedback on reports is being improved (not guaranteed)": None,
}
CONTACT_FIELDS = {"namn": "name", "telefon": "phone", "telefonnummer": "phone",
                  "adress": "address", "kontaktuppgifter (optional)": None}
RESPONSE_TIMES: Dict[str, Any] = {
    "10 arbetsdagar": {"within": "P10D", "working_days": True},
    "10 dagar": {"step": "answer", "within": "P10D"},
    "confirmation within 2 arbetsdagar":
        {"step": "acknowledgement", "within": "P2D", "working_days": True},
    "contact within 5 arbetsdagar": {"step": "answer", "within": "P5D", "working_days": True},
    "besked within 10 arbetsdagar": {"step": "answer", "within": "P10D", "working_days": True},
    "5 dagar": {"step": "answer", "within": "P5D"},
    "5 arbetsdagar": {"step": "answer", "within": "P5D", "working_days": True},
    "within 6 months after referral": {"step": "decision", "within": "P6M"},
    "3 dagar": {"step": "decision", "within": "P3D"},
    "1 månad": {"step": "decision", "within": "P1M"},
    "3 arbetsdagar (group faults, dark street, crossings)":
        {"step": "decision", "within": "P3D", "working_days": True},
    "15 arbetsdagar (other faults)": {"step": "decision", "within": "P15D", "working_days": True},
    # No length a duration can hold (days, an hour, the next inspection round).
    "a few days (synpunkt)": None,
    "omedelbar (danger, central system, group faults)": None,
    "next rondering (twice in autumn)": None,
    "1 hour (danger to life or property, central faults)": None,
    "next rondering (single lamps)": None,
    # A proposal kind's handling time.
    "within one year (medborgarförslag)": "proposal-words",
    "several months, up to one year (medborgarinitiativ)": "proposal-words",
}
PROPOSAL_KINDS = {
    "medborgarförslag": ("citizen_proposal", False),
    "e-förslag": ("e_proposal", False),
    "Lundaförslaget": ("e_proposal", True),
    # Kumla's medborgarinitiativ is a proposal to investigate, not an initiative for a
    # referendum; a medborgardialog is no proposal.
    "medborgarinitiativ": ("other", True),
    "medborgardialog": ("other", True),
}
PROPOSAL_THRESHOLDS = {"25 underskrifter": 25, "more than 100 supporters": None}
PUBLICATION = {"published 60 days before going on to the nämnder": "P60D"}
PROPOSAL_REPLACES = {"medborgarförslag (during a two-year trial)": "citizen_proposal"}
STATISTICS: Dict[str, Any] = {
    "2018: 1 016 synpunkter och fel; previous year 938":
        [{"period": "2018", "count": 1016}, {"period": "2017", "count": 938}],
    "2011, whole city: 357 ärenden: 77 % klagomål, 14,3 % idéer, 8,7 % beröm":
        [{"period": "2011", "count": 357}],
    "11 000 ärenden 2016; 8 000 ärenden 2015":
        [{"period": "2016", "count": 11000}, {"period": "2015", "count": 8000}],
    # One district's count: the model's counts have no place for a part of the municipality.
    "2011, Rinkeby-Kista: 10 ärenden (8 klagomål, 2 idéer)": "notes",
}
HANDLING = {
    "scheme.handler": "handler", "scheme.delivery": "delivery", "scheme.contractor": "contractor",
    "scheme.reporting": "reporting", "scheme.moderation": "moderation", "scheme.appeal": "appeal",
}
# A contractor the page does not name: only the words.
UNNAMED_CONTRACTORS = {"entreprenör (not named)"}
HANDLING_FLAGS = {"scheme.public_record": "public_record",
                  "scheme.confidential": "confidential_possible",
                  "scheme.published": "published", "scheme.on_call": "on_call"}
SCHEME_FLAGS = {"scheme.attachment": "attachments", "scheme.location": "location",
                "scheme.unit_choice": "unit_choice"}
SCHEME_LISTS = {"scheme.form": "forms", "scheme.form_field": "form_fields",
                "scheme.excluded": "excluded", "scheme.rule": "rules",
                "scheme.legal_basis": "legal_basis"}


# ------------------------------------------------------------------------------------------------
# Disagreements between sources, by source and record: where in the record the other value
# belongs, and the other value where it can be typed (from the other record's facts).

DISAGREEMENTS: Dict[Tuple[str, str], List[Dict[str, Any]]] = {
    ("partnerships/boden-2", "boden/apatity"): [{"at": "/status", "value": "paused"}],
    ("partnerships/boden-2", "boden/oulu"): [{"at": "/partner/name", "value": {"sv": "Uleåborg"}}],
    ("projects/haparanda-eu-projekt", "haparanda/ortsammabindande-nat-2018"):
        [{"at": "/start", "value": "2020-06-01"}, {"at": "/end", "value": "2023-04-30"}],
    ("projects/haparanda-eu-projekt", "haparanda/digiby"): [{"at": "/end", "value": "2022-12"}],
    ("projects/haparanda-utvecklingsprojekt", "haparanda/ortsammabindande-nat-2020"):
        [{"at": "/start", "value": "2018-09-01"}, {"at": "/end", "value": "2021-04-30"}],
    ("projects/hassleholm-nyhet-2020-12-21-infrastrukturell-nod",
     "hassleholm/infrastrukturell-nod-nyhet"): [{"at": "/extension/original_end"}],
    ("projects/klimatsynk-tillvaxtverket-hassleholm-infrastrukturell-nod",
     "hassleholm/infrastrukturell-nod-tillvaxtverket"):
        [{"at": "/extension/original_end", "value": "2020-06"}],
    ("projects/ltu-smart-sustainable-villages", "norrbotten/smart-sustainable-villages-ltu"):
        [{"at": "/budget/total",
          "value": {"amount": "50000000", "currency": "SEK", "approximate": True}}],
    ("projects/nodra-bihac-demokratisamarbete", "norrkoping/icld-bihac-forstudie-nodra"):
        [{"at": "/budget/grants/0/amount", "value": {"amount": "255000", "currency": "SEK"}}],
    ("projects/nordkalottradet-smarta-hallbara-byar",
     "norrbotten/smarta-hallbara-byar-nordkalottradet"): [{"at": "/end", "value": "2021-06-30"}],
    ("projects/norrkoping-nyhet-2022-10-03-bihac-forstudie", "norrkoping/icld-bihac-forstudie"):
        [{"at": "/budget/grants/0/amount", "value": {"amount": "240000", "currency": "SEK"}}],
    ("projects/norrkoping-nyhet-2023-05-25-bihac", "norrkoping/icld-bihac-avfallsprojekt-2023"):
        [{"at": "/start", "in": "partnership"}],
    ("projects/icld-partnership-norrkoping-bihac", "norrkoping/norbih-icld"):
        [{"at": "/start", "value": "2021", "in": "partnership"}],
    ("projects/stockholm-growsmarter-blogg-2014", "stockholm/growsmarter-blogg"):
        [{"at": "/end", "value": "2019-12-31"}],
    ("projects/stockholm-growsmarter-nyaprojekt", "stockholm/growsmarter-nyaprojekt"):
        [{"at": "/duration", "value": "P4Y"}],
    ("projects/stockholm-growsmarter-slakthusomradet", "stockholm/growsmarter-slakthusomradet"):
        [{"at": "/duration", "value": "P5Y"}],
    ("projects/themayor-digiby-norrbotten", "norrbotten/digiby-themayor"):
        [{"at": "/end", "value": "2021-06-30"}],
    ("projects/umea-ruggedised-akademiskahus", "umea/ruggedised-akademiskahus"):
        [{"at": "/end", "value": "2022"}],
    ("projects/umea-ruggedised-regionvasterbotten", "umea/ruggedised-regionvasterbotten"):
        [{"at": "/budget/total", "value": {"amount": "180000000", "currency": "SEK"}}],
    ("projects/umea-ruggedised-umeas-smarta-stadsdel", "umea/ruggedised-umea-se"):
        [{"at": "/end", "value": "2021"}],
}


# ------------------------------------------------------------------------------------------------
# Building a document.


def esc(segment: str) -> str:
    return segment.replace("~", "~0").replace("/", "~1")


def resolve(doc: Json, pointer: str) -> Tuple[bool, Json]:
    """RFC 6901: the value at `pointer`, and whether there is one."""
    node = doc
    if pointer == "":
        return True, node
    for raw in pointer.split("/")[1:]:
        seg = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and seg in node:
            node = node[seg]
        elif isinstance(node, list) and seg.isdigit() and int(seg) < len(node):
            node = node[int(seg)]
        else:
            return False, None
    return True, node


class Fact:
    """One raw fact and the places of the document that hold it."""

    def __init__(self, raw: Dict[str, Any], lang: Optional[str]) -> None:
        self.raw = raw
        self.name: str = raw["fact"]
        self.value: Json = raw.get("value")
        self.words: Optional[str] = raw.get("as_written")
        self.lang = lang
        self.at: List[str] = []
        self.prose = False

    def get(self, key: str) -> Any:
        return self.raw.get(key)


class Record:
    """A record being built at `base` (`/partnerships/3`) of a document."""

    def __init__(self, doc: "Document", base: str, data: Dict[str, Any]) -> None:
        self.doc = doc
        self.base = base
        self.data = data
        self._notes: List[str] = []

    def _parent(self, path: str, create: bool = True) -> Tuple[Any, str]:
        parts = path.split("/")[1:]
        node: Any = self.data
        for i, part in enumerate(parts[:-1]):
            nxt = parts[i + 1]
            if isinstance(node, list):
                node = node[int(part)]
                continue
            if part not in node:
                if not create:
                    raise KeyError(path)
                node[part] = [] if nxt.isdigit() else {}
            node = node[part]
        return node, parts[-1]

    def get(self, path: str) -> Any:
        found, value = resolve(self.data, path)
        return value if found else None

    def set(self, fact: Optional[Fact], path: str, value: Json) -> str:
        parent, key = self._parent(path)
        parent[key] = value
        return self.mark(fact, path)

    def append(self, fact: Optional[Fact], path: str, value: Json, unique: bool = False) -> str:
        lst = self._list(path)
        if unique and value in lst:
            return self.mark(fact, f"{path}/{lst.index(value)}")
        lst.append(value)
        return self.mark(fact, f"{path}/{len(lst) - 1}")

    def _list(self, path: str) -> List[Any]:
        parent, key = self._parent(path)
        if key not in parent:
            parent[key] = []
        lst: List[Any] = parent[key]
        return lst

    def mark(self, fact: Optional[Fact], path: str) -> str:
        pointer = self.base + path
        if fact is not None and pointer not in fact.at:
            fact.at.append(pointer)
        return pointer

    def words(self, fact: Fact, at: str, always: bool = False) -> Optional[str]:
        """Keeps the fact's words at `at` (an `as_written` entry) when they say more than the
        value: different text, or a language that is not Swedish."""
        text = fact.words
        if text is None:
            return None
        value = fact.value.get("name") if isinstance(fact.value, dict) else fact.value
        if text == value and (not always or isinstance(fact.value, dict)) \
                and fact.get("lang") in (None, "sv"):
            # The words are the value, in Swedish or in the source's language: nothing to add.
            return None
        if not always and text == value and fact.lang is None:
            return None
        text = " ".join(text.split())
        entry: Dict[str, Any] = {"at": at, "text": text}
        if fact.lang:
            entry["lang"] = fact.lang
        lst = self._list("/as_written")
        if entry not in lst:
            lst.append(entry)
        return self.mark(fact, f"/as_written/{lst.index(entry)}")

    def note(self, fact: Fact, text: Optional[str] = None) -> None:
        """Prose: the fact's words in the record's `notes`, where nothing else holds them."""
        body = text if text is not None else f"{fact.name}: {fact.words or fact.value}"
        self._notes.append(" ".join(str(body).split()))
        fact.prose = True
        fact.at.append(self.base + "/notes")

    def finish(self) -> None:
        if self._notes:
            self.data["notes"] = "; ".join(self._notes)


class Document:
    """One dataset document: one municipality's records from one source."""

    def __init__(self, area: str, stem: str, source: Dict[str, Any], code: str, place: str) -> None:
        self.area = area
        self.stem = stem
        self.source = {"url": source["url"]}
        if source.get("retrieved"):
            self.source["retrieved"] = source["retrieved"]
        self.data: Dict[str, Any] = {
            "$schema": SCHEMA_REF,
            "municipality": {
                "id": slug(place),
                "name": {"sv": official_name(place)},
                "municipality_code": code,
            },
        }
        self.place = place
        self.networks: Dict[str, int] = {}
        self.counts: Dict[str, int] = {}
        self.decisions: Dict[str, int] = {}
        self.units: Dict[str, str] = {}
        self._notes: List[str] = []

    def collection(self, name: str) -> List[Any]:
        lst: List[Any] = self.data.setdefault(name, [])
        return lst

    def new_record(self, collection: str, data: Dict[str, Any]) -> Record:
        """A new record of `collection`, its source first among its sources."""
        data["sources"] = [dict(self.source)]
        lst = self.collection(collection)
        lst.append(data)
        return Record(self, f"/{collection}/{len(lst) - 1}", data)

    def count(self, fact: Fact, stated: Dict[str, Any]) -> None:
        key = json.dumps(stated, sort_keys=True)
        if key not in self.counts:
            self.collection("counts_stated").append(stated)
            self.counts[key] = len(self.data["counts_stated"]) - 1
        fact.at.append(f"/counts_stated/{self.counts[key]}")

    def decision(self, fact: Fact, decision: Dict[str, Any]) -> int:
        key = json.dumps(decision, sort_keys=True, ensure_ascii=False)
        if key not in self.decisions:
            self.collection("decisions").append(decision)
            self.decisions[key] = len(self.data["decisions"]) - 1
        fact.at.append(f"/decisions/{self.decisions[key]}")
        return self.decisions[key]

    def unit(self, name: str) -> str:
        if name not in self.units:
            uid = slug(name)
            self.data["municipality"].setdefault("units", []).append({"id": uid, "name": name})
            self.units[name] = uid
        return self.units[name]

    def network(self, fact: Fact, own_names: List[str]) -> str:
        value = fact.value
        spec = lookup(NETWORKS, value, "network")
        nid = slug(value)
        if nid not in self.networks:
            net: Dict[str, Any] = {"id": nid}
            if spec.get("named"):
                net["name"] = {"sv": value}
            if spec.get("kind"):
                net["kind"] = spec["kind"]
            bodies = [b for m in fact.get("members") or [] for b in network_member(m)]
            members = [b for b in bodies if not any(
                b["name"]["sv"] == o or b["name"]["sv"].startswith(o + " ") for o in own_names)]
            if members:
                net["members"] = members
            if fact.get("start"):
                net["start"] = fact.get("start")
            if fact.get("network_start_decade"):
                net["start"] = str(fact.get("network_start_decade"))[:3] + "X"
            if fact.get("meets"):
                # How often the network meets: the model has no place but notes.
                net["notes"] = f"meets: {fact.get('meets')}"
                fact.at.append(f"/networks/{len(self.collection('networks'))}/notes")
            net["sources"] = [dict(self.source)]
            self.collection("networks").append(net)
            self.networks[nid] = len(self.data["networks"]) - 1
        index = self.networks[nid]
        fact.at.append(f"/networks/{index}")
        if fact.words:
            self.network_words(fact, index, "")
        return nid

    def network_words(self, fact: Fact, index: int, at: str) -> None:
        net = self.data["networks"][index]
        entry: Dict[str, Any] = {"at": at, "text": " ".join((fact.words or "").split())}
        if fact.lang:
            entry["lang"] = fact.lang
        lst = net.setdefault("as_written", [])
        if entry not in lst:
            lst.append(entry)
        fact.at.append(f"/networks/{index}/as_written/{lst.index(entry)}")

    def note(self, fact: Fact) -> None:
        self._notes.append(f"{fact.name}: {' '.join((fact.words or str(fact.value)).split())}")
        fact.prose = True
        fact.at.append("/notes")

    def finish(self) -> Dict[str, Any]:
        if self._notes:
            self.data["notes"] = "; ".join(dict.fromkeys(self._notes))
        self.data["sources"] = [dict(self.source)]
        return self.data


def network_member(text: str) -> List[Dict[str, Any]]:
    """A network's member as the gatherer lists it: a body, or a pair of bodies ("Stadt
    Gadebusch – Åmål kommun")."""
    if text in MEMBER_SUCCESSIONS:
        name, successor = MEMBER_SUCCESSIONS[text]
        return [{"name": {"sv": name},
                 "succeeded_by": {"successor": {"name": {"sv": successor}}}}]
    return [{"name": {"sv": part.strip()}} for part in text.split(" – ")]


def money(value: Dict[str, Any], approximate: bool) -> Optional[Dict[str, Any]]:
    if not value.get("currency") or "amount" not in value:
        return None
    out: Dict[str, Any] = {"amount": value["amount"], "currency": value["currency"]}
    if approximate:
        out["approximate"] = True
    return out


def money_of(fact: Fact) -> Optional[Dict[str, Any]]:
    """A fact's amount: one `{amount, currency}`, or a list of the same amount in several
    currencies (the first is the amount, the others go in `also`)."""
    value = fact.value
    approx = bool(fact.get("approximate"))
    if isinstance(value, list):
        also_only = fact.words in APPROXIMATE_ALSO_ONLY
        first = money(value[0], approx and not also_only)
        if first is None:
            return None
        first["also"] = [m for m in (money(v, approx) for v in value[1:]) if m]
        return first
    return money(value, approx)


def funding_source(name: str) -> Dict[str, Any]:
    kind, named = lookup(FUNDERS, name, "funder")
    out: Dict[str, Any] = {"type": kind}
    if named:
        out["name"] = name
    return out


def source_of(area: str, other_file: Optional[str], other_key: Optional[str],
              raw_files: Dict[str, Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """The source of another raw file, by its name or by the key of one of its records."""
    data = None
    if other_file:
        data = raw_files.get(f"{area}/{Path(other_file).stem}")
    elif other_key:
        for name, d in raw_files.items():
            if name.startswith(area + "/") and any(r["key"] == other_key for r in d["records"]):
                data = d
                break
    if data is None:
        return None
    out = {"url": data["source"]["url"]}
    if data["source"].get("retrieved"):
        out["retrieved"] = data["source"]["retrieved"]
    return out


def text500(text: str) -> str:
    """A gatherer's note as a single-line text (at most 500 characters, as `Text` allows)."""
    text = " ".join(text.split())
    if len(text) > 500:
        raise Unmapped(f"a note longer than a text may be: {text[:60]}...")
    return text


# ------------------------------------------------------------------------------------------------
# Partnerships.


def convert_partnership(doc: Document, name: str, raw: Dict[str, Any], facts: List[Fact],
                        raw_files: Dict[str, Dict[str, Any]]) -> Record:
    rec = doc.new_record("partnerships", {"id": slug(raw["key"]), "partner": {}})
    by: Dict[str, List[Fact]] = {}
    for f in facts:
        by.setdefault(f.name, []).append(f)
    own_names = [doc.place, doc.data["municipality"]["name"]["sv"]]

    def each(fact_name: str) -> List[Fact]:
        return by.get(fact_name, [])

    # The partner.
    for f in each("partner.name"):
        rec.set(f, "/partner/name", {"sv": f.value})
        rec.words(f, "/partner/name")
    for f in each("partner.unnamed"):
        rec.words(f, "/partner/name", always=True)
    for f in each("partner.other_name"):
        entry: Dict[str, Any] = {"name": f.value}
        if f.get("lang"):
            entry["lang"] = f.get("lang")
        if f.get("kind"):
            entry["kind"] = lookup(NAME_KINDS, f.get("kind"), "name kind")
        if f.get("years"):
            side, year = lookup(NAME_YEARS, f.get("years"), "name years")
            entry[side] = year
        at = rec.append(f, "/partner/names", entry)
        rec.words(f, at[len(rec.base):] + "/name")
    for f in each("partner.name.note"):
        # A spelling the source uses, kept as found.
        rec.append(f, "/partner/names", {"name": f.words, "kind": "variant"}, unique=True)
    part_of = each("partner.part_of")
    for f in each("partner.level"):
        code = lookup(PARTNER_LEVELS, f.value, "partner level")
        if code == "district-if-part-of":
            code = "district" if part_of else None
        if each("partner.is_group"):
            code = "consortium"
        if code:
            rec.set(f, "/partner/level", code)
        rec.words(f, "/partner/level", always=True)
    for f in each("partner.is_group"):
        rec.set(f, "/partner/level", "consortium")
        rec.words(f, "/partner/level", always=True)
    for f in each("partner.country"):
        rec.set(f, "/partner/country", f.value)
        rec.words(f, "/partner/country")
    for f in each("partner.country.code_in_source"):
        rec.words(f, "/partner/country", always=True)
    for f in each("partner.subdivision"):
        at = "/partner/former_subdivision" if f.get("kind") == "former province" \
            else "/partner/subdivision"
        if f.get("iso"):
            rec.set(f, at, f.get("iso"))
        rec.words(f, at, always=True)
    for f in part_of:
        if f.value == "dansktalande minoriteten":
            # Not a body the partner is part of: only the words, at that place.
            rec.words(f, "/partner/part_of", always=True)
            continue
        rec.set(f, "/partner/part_of", {"name": {"sv": f.value}})
        rec.words(f, "/partner/part_of/name")
    for f in each("partner.website"):
        # A host name without a scheme is not a web address; the words are kept.
        rec.words(f, "/partner/website", always=True)
    for f in each("partner.merged_into"):
        succ: Dict[str, Any] = {"kind": "merger"}
        when = f.get("date") or f.get("year")
        if when:
            succ["date"] = str(when)
        succ["successor"] = {"name": {"sv": f.value}}
        rec.set(f, "/partner/succeeded_by", succ)
        rec.words(f, "/partner/succeeded_by", always=True)
    for f in each("partner.successor"):
        rec.set(f, "/partner/succeeded_by", {"successor": {"name": {"sv": f.value}}})
        rec.words(f, "/partner/succeeded_by", always=True)
    for f in each("partner.merger_note"):
        # "Borgå är en sammanslagning av två kommuner och Tyresö var vän med den ena"
        partner = rec.get("/partner/name/sv")
        rec.set(f, "/partner/succeeded_by",
                {"kind": "merger", "successor": {"name": {"sv": partner}}})
        rec.words(f, "/partner/succeeded_by", always=True)

    # The agreement.
    codes = []
    for f in each("relation.term"):
        code = lookup(AGREEMENT_TYPES, f.value, "relation.term")
        if code:
            codes.append(code)
            rec.set(f, "/agreement_type", code)
        rec.words(f, "/agreement_type", always=True)
    for f in each("relation.later_term"):
        code = lookup(AGREEMENT_TYPES, f.value, "relation.later_term")
        if code:
            rec.set(f, "/agreement_type", code)
        rec.words(f, "/agreement_type", always=True)
    for f in each("relation.other_term"):
        lookup(AGREEMENT_TYPES, f.value, "relation.other_term")
        rec.words(f, "/agreement_type", always=True)
    for f in each("relation.kind"):
        at = "/network" if f.value == "separate from the listed vänorter" else "/agreement_type"
        rec.words(f, at, always=True)
    for f in each("relation.programme"):
        code = lookup(PARTNERSHIP_PROGRAMMES, f.value, "relation.programme")
        if rec.get("/programme") is None:
            rec.set(f, "/programme", {"code": code, "name": f.value})
        else:
            rec.mark(f, "/programme")
        rec.words(f, "/programme", always=True)
    for f in each("relation.areas"):
        for code in lookup(AREAS_TABLE, f.value, "relation.areas"):
            at = rec.append(f, "/areas", code, unique=True)
            rec.words(f, at[len(rec.base):], always=True)
    for f in each("relation.funding"):
        source = lookup(PARTNERSHIP_FUNDING, f.value, "relation.funding")
        at = rec.append(f, "/funding", dict(source), unique=True)
        rec.words(f, at[len(rec.base):], always=True)
    for f in each("relation.parties"):
        party = {"name": f.value, "kind": lookup(LOCAL_PARTIES, f.value, "relation.parties")}
        at = rec.append(f, "/local_parties", party, unique=True)
        rec.words(f, at[len(rec.base):] + "/name")
    for f in each("responsible"):
        rec.set(f, "/responsible", f.value)
        rec.words(f, "/responsible")
    for f in each("relation.agreement"):
        rec.set(f, "/agreement/title", f.value)
        rec.words(f, "/agreement/title")
    for f in each("relation.agreement.term_clause"):
        rec.words(f, "/agreement/term", always=True)

    # Dates.
    for f in each("relation.first_contact"):
        value = f.value or decade(f)
        if value:
            rec.set(f, "/first_contact", value)
        rec.words(f, "/first_contact", always=True)
    for f in each("start"):
        value = f.value or decade(f)
        if value:
            rec.set(f, "/start", value)
        rec.words(f, "/start", always=True)
    for f in each("start.unknown"):
        rec.words(f, "/start", always=True)
    for f in each("relation.age_stated") + each("relation.anniversary"):
        years, as_of = lookup(AGE_YEARS, f.value, f.name)
        age: Dict[str, Any] = {"years": years}
        if as_of:
            age["as_of"] = as_of
        rec.set(f, "/stated_age", age)
        rec.words(f, "/stated_age", always=True)
    for f in each("relation.renewed"):
        if f.value:
            at = rec.append(f, "/renewals", f.value, unique=True)
            rec.words(f, at[len(rec.base):])
        else:
            rec.words(f, "/renewals", always=True)
    for f in each("relation.phase") + each("relation.origin"):
        at = rec.append(f, "/phases", dict(lookup(PARTNERSHIP_PHASES, f.value, f.name)))
        rec.words(f, at[len(rec.base):], always=True)
    for f in each("relation.predecessor"):
        rec.append(f, "/replaces", slug(lookup(PREDECESSORS, f.value, f.name)), unique=True)
        rec.words(f, "/replaces", always=True)
    for f in each("end"):
        where = lookup(END_KINDS, f.get("kind"), "end kind")
        if where == "phase":
            at = rec.append(f, "/phases", {"end": f.value})
            rec.words(f, at[len(rec.base):], always=True)
        else:
            rec.set(f, "/" + where, f.value)
            rec.words(f, "/" + where, always=True)

    # Status and the decisions behind it.
    status_code: Optional[str] = None
    for f in each("status"):
        code = lookup(STATUSES, f.value, "status")[0]
        if code and (status_code is None
                     or STATUS_ORDER.index(code) > STATUS_ORDER.index(status_code)):
            status_code = code
    ended = status_code in ("ended", "terminating")
    # The record's decision (or proposal): its fields, and the facts that go there.
    decision: Dict[str, Any] = {}
    placed: List[Tuple[Fact, str, bool]] = []  # fact, place in the decision, words there
    wanted = False
    for f in each("status"):
        code, kind, outcome, creates = lookup(STATUSES, f.value, "status")
        if code:
            rec.set(f, "/status", status_code)
            if f.get("date"):
                rec.set(f, "/status_date", f.get("date"))
        if kind:
            decision.setdefault("kind", kind)
        if outcome:
            decision["outcome"] = outcome
        summary = False
        if creates:
            wanted = True
            if kind != "end" and "summary" not in decision:
                decision["summary"] = f.value
                summary = True
        if creates and not code:
            # The words tell of a decision or proposal, not of a status.
            placed.append((f, "/summary" if summary else "", True))
        else:
            rec.words(f, "/status", always=True)
            if creates:
                placed.append((f, "", False))
    for f in each("relation.activity"):
        rec.words(f, "/status", always=True)
    for f in each("status.proposal"):
        kind, outcome = lookup(STATUS_PROPOSALS, f.value, "status.proposal")
        decision.update({"kind": kind, "outcome": outcome, "summary": f.value})
        placed.append((f, "/summary", True))
    for f in each("decision.outcome"):
        decision["outcome"] = lookup(OUTCOMES, f.value, "decision.outcome")
        placed.append((f, "/outcome", True))
    for fact_name, fld in (("decision.body", "body"), ("decision.date", "date"),
                           ("decision.reference", "reference")):
        for f in each(fact_name):
            first = fld not in decision
            decision.setdefault(fld, f.value)
            placed.append((f, "/" + fld, not first or f.words != f.value))
    reasons = each("end.reason")
    for f in reasons:
        if f.get("applies_to") == "pause":
            decision.setdefault("kind", "pause")
            decision.setdefault("reason", f.value)
            placed.append((f, "/reason", True))
        elif f.get("applies_to") is None and not ended:
            decision.setdefault("reason", f.value)
            placed.append((f, "/reason", True))
        elif f.get("applies_to") is not None:
            # How the end is carried out: words of the decision to end.
            placed.append((f, "", True))
    if placed and "kind" not in decision and each("start") \
            and decision.get("date") == each("start")[0].value:
        decision["kind"] = "establish"
    if decision.get("kind") == "end" and not wanted and not any(
            p[1] in ("/body", "/date", "/reference") for p in placed):
        # "avslutat" alone is a status, not a decision the source tells of.
        decision.pop("kind")
    policies = each("register.policy")
    if policies:
        # A decision about the register as a whole: the dataset's, with its body and date.
        register = {"kind": "policy", **{k: v for k, v in decision.items() if k != "kind"},
                    "summary": policies[0].value}
        for f in policies:
            register["summary"] = f.value
            doc.decision(f, dict(register))
            f.at.append(f"/decisions/{doc.decisions[json.dumps(register, sort_keys=True, ensure_ascii=False)]}/summary")
        for f, sub, _ in placed:
            index = doc.decision(f, dict(register))
            f.at.append(f"/decisions/{index}{sub}")
    elif placed:
        dpath = f"/decisions/{len(rec.data.get('decisions', []))}"
        rec.append(None, "/decisions", decision)
        for f, sub, words in placed:
            rec.mark(f, dpath + sub)
            if words:
                rec.words(f, dpath + sub, always=True)
    for f in reasons:
        if ended and f.get("applies_to") is None:
            if rec.get("/end_reason") is None:
                rec.set(f, "/end_reason", f.value)
            rec.words(f, "/end_reason", always=True)
    for f in each("status.review"):
        doc.decision(f, {"kind": "review", "summary": f.value})

    # Networks, rings and chains; stated counts of the register.
    for f in each("network"):
        spec = lookup(NETWORKS, f.value, "network")
        if spec.get("programme"):
            if rec.get("/programme") is None:
                rec.set(f, "/programme", {"code": spec["programme"], "name": f.value})
            else:
                rec.mark(f, "/programme")
            rec.words(f, "/programme", always=True)
            continue
        nid = doc.network(f, own_names)
        rec.set(f, "/network", nid)
    for f in each("network.presidency"):
        index = doc.networks[rec.data["network"]]
        doc.data["networks"][index]["presidency"] = f.value
        f.at.append(f"/networks/{index}/presidency")
        if f.words != f.value:
            doc.network_words(f, index, "/presidency")
    for f in each("network.outside"):
        rec.words(f, "/network", always=True)
    for f in each("register.count_stated"):
        if f.value == "3 (Nordic)":
            # Three Nordic twin towns: the members of the Nordic network, not the register.
            nets = [n for n in each("network")]
            index = doc.networks[slug(nets[0].value)]
            doc.network_words(f, index, "/members")
            continue
        stated: Dict[str, Any] = {"of": "partnerships", "count": int(f.value)}
        if f.get("conditional"):
            stated["provisional"] = True
        doc.count(f, stated)
    for f in each("register.count_stated.countries"):
        doc.count(f, {"of": "partner_countries", "count": int(f.value)})
    for f in each("register.count_stated.earlier"):
        # An earlier count without a date: a count of the model without `as_of` is the
        # current one, so it has no place.
        doc.note(f)
    for f in each("disagreement"):
        other = {"url": f.get("other_source")}
        for alt in lookup(DISAGREEMENTS, (name, raw["key"]), "disagreement"):
            entry = {"at": alt["at"]}
            if "value" in alt:
                entry["value"] = alt["value"]
            entry.update({"source": other, "note": text500(f.value)})
            rec.append(f, "/alternatives", entry)

    # Remarks that are prose.
    for f in each("relation.note") + each("municipality.name_in_source"):
        rec.note(f)
    return rec


def decade(f: Fact) -> Optional[str]:
    if f.get("precision") == "decade" and f.get("decade_start"):
        return str(f.get("decade_start"))[:3] + "X"
    return None


# ------------------------------------------------------------------------------------------------
# Projects.


def convert_project(doc: Document, name: str, raw: Dict[str, Any], facts: List[Fact],
                    raw_files: Dict[str, Dict[str, Any]]) -> Record:
    rec = doc.new_record("projects", {"id": slug(raw["key"])})
    by: Dict[str, List[Fact]] = {}
    for f in facts:
        by.setdefault(f.name, []).append(f)

    def each(fact_name: str) -> List[Fact]:
        return by.get(fact_name, [])

    for f in each("project.title"):
        if rec.get("/title") is None:
            rec.set(f, "/title", {"sv": f.value})
        rec.words(f, "/title", always=rec.get("/title/sv") != f.value)
    for f in each("project.acronym"):
        rec.set(f, "/acronym", f.value)
        rec.words(f, "/acronym")
    for f in each("project.description"):
        rec.set(f, "/description", f.value)

    # Programme.
    programme_code = None
    for f in each("project.programme"):
        code = lookup(PROGRAMMES, f.value, "project.programme")
        if rec.get("/programme") is None:
            programme_code = code
            rec.set(f, "/programme", {"code": code, "name": f.value})
        else:
            rec.mark(f, "/programme")
        rec.words(f, "/programme")
    for fact_name, field in (("project.programme.strand", "strand"),
                             ("project.programme.priority", "priority"),
                             ("project.programme.action", "action"),
                             ("project.programme.call", "call"),
                             ("project.managing_authority", "managing_authority")):
        for f in each(fact_name):
            if rec.get("/programme") is not None:
                rec.set(f, f"/programme/{field}", f.value)
            rec.words(f, f"/programme/{field}", always=rec.get("/programme") is None)
    for f in each("project.programme.period"):
        if rec.get("/programme") is not None and PERIOD_RE.fullmatch(f.value):
            rec.set(f, "/programme/period", f.value)
            rec.words(f, "/programme/period")
        else:
            rec.words(f, "/programme/period", always=True)

    # Funders and the budget.
    expected = None
    if programme_code:
        expected = PROGRAMME_FUNDER.get(programme_code, "eu")
    for f in each("project.funder"):
        source = funding_source(f.value)
        if expected and source["type"] != expected:
            # Another funder than the programme's: co-financing, by the model's definition.
            at = rec.append(f, "/budget/grants", {"funder": source, "kind": "cofinancing"})
            rec.words(f, at[len(rec.base):] + "/funder")
            continue
        at = rec.append(f, "/funders", source, unique=True)
        rec.words(f, at[len(rec.base):])
    for fact_name, kind in (("project.budget.grant", "grant"),
                            ("project.budget.cofinancing", "cofinancing")):
        for f in each(fact_name):
            if (name, f.words) in SAME_GRANT_AGAIN:
                rec.words(f, "/budget/grants/0/amount", always=True)
                continue
            grant: Dict[str, Any] = {}
            if f.get("funder"):
                grant["funder"] = funding_source(f.get("funder"))
            grant["kind"] = kind
            amount = money_of(f)
            if amount:
                grant["amount"] = amount
            at = rec.append(f, "/budget/grants", grant)[len(rec.base):]
            rec.words(f, at + "/amount", always=True)
    for f in each("project.budget.total"):
        amount = money_of(f)
        if amount:
            rec.set(f, "/budget/total", amount)
        rec.words(f, "/budget/total", always=True)
    for f in each("project.budget.own_share"):
        if isinstance(f.value, dict) and f.value.get("kind") == "in kind (arbetstid)":
            rec.set(f, "/budget/own_share_in_kind", True)
        else:
            amount = money_of(f)
            if amount:
                rec.set(f, "/budget/own_share", amount)
        if f.words:
            rec.words(f, "/budget/own_share", always=True)
    for f in each("project.budget.part"):
        # An amount for one part (a district's investment): the budget has no parts.
        rec.note(f, f"{f.name}: {f.words} ({f.get('scope')})")

    # Who takes part.
    for f in each("project.own_role"):
        code = lookup(OWN_ROLES, f.value, "project.own_role")
        if code:
            rec.set(f, "/own_role", code)
        rec.words(f, "/own_role", always=True)
    for f in each("project.organisation"):
        value = f.value
        org: Dict[str, Any] = {}
        if value["name"] not in UNNAMED_ORGS:
            org["name"] = value["name"]
        role, kind = lookup(ORG_ROLES, value.get("role"), "organisation role")
        if role:
            org["role"] = role
        if kind:
            org["kind"] = kind
        if value.get("country"):
            org["country"] = value["country"]
        at = rec.append(f, "/organisations", org)[len(rec.base):]
        rec.words(f, at, always=True)
    for f in each("project.unit"):
        uid = doc.unit(f.value)
        rec.append(f, "/departments", uid, unique=True)
        f.at.append(f"/municipality/units/{list(doc.units).index(f.value)}")
        rec.words(f, "/departments", always=True)
    for f in each("project.country"):
        rec.append(f, "/participating_countries", f.value, unique=True)
        rec.words(f, "/participating_countries", always=f.words is not None)
    for fact_name, of in COUNT_KINDS.items():
        for f in each(fact_name):
            counts = [f.value] if isinstance(f.value, int) else \
                [v for v in f.value.values() if isinstance(v, int)]
            for count in counts:
                at = rec.append(f, "/counts_stated", {"of": of, "count": count})[len(rec.base):]
                rec.words(f, at, always=True)
            if not counts:
                rec.words(f, "/counts_stated", always=True)
    for f in each("project.network"):
        nid = doc.network(f, [doc.place])
        rec.append(f, "/networks", nid, unique=True)

    # Dates, phases and decisions.
    for f in each("project.start"):
        rec.set(f, "/start", f.value)
        rec.words(f, "/start", always=True)
    for f in each("project.end"):
        rec.set(f, "/end", f.value)
        rec.words(f, "/end", always=True)
    for f in each("project.duration"):
        if re.fullmatch(r"P[0-9]+[YMWD]", f.value or ""):
            rec.set(f, "/duration", f.value)
        rec.words(f, "/duration", always=True)
    for f in each("project.end.original"):
        rec.set(f, "/extension/original_end", f.value)
        rec.words(f, "/extension/original_end", always=True)
    for f in each("project.end.reason"):
        rec.set(f, "/extension/reason", f.value)
        rec.words(f, "/extension/reason")
    decision: Dict[str, Any] = {}
    decision_facts: List[Fact] = []
    for f in each("project.phase"):
        value = f.value
        phase: Dict[str, Any] = {}
        kind = lookup(PROJECT_PHASE_KINDS, value["name"], "project.phase")
        if kind:
            phase["kind"] = kind
        phase["name"] = value["name"]
        for key in ("start", "end"):
            if value.get(key):
                phase[key] = value[key]
        at = rec.append(f, "/phases", phase)[len(rec.base):]
        rec.words(f, at, always=True)
        if value.get("approved"):
            decision.update({"kind": "funding", "phase": kind, "outcome": "adopted",
                             "date": value["approved"]})
            decision_facts.append(f)
    for f in each("project.activity"):
        value = f.value
        phase = {"kind": "event"}
        if value.get("date"):
            phase.update({"start": value["date"], "end": value["date"]})
        for key in ("start", "end"):
            if value.get(key):
                phase[key] = value[key]
        at = rec.append(f, "/phases", phase)[len(rec.base):]
        rec.words(f, at, always=True)
    status_outcome = None
    for f in each("project.status"):
        code, outcome = lookup(PROJECT_STATUSES, f.value, "project.status")
        if code:
            rec.set(f, "/status", code)
        if outcome:
            status_outcome = outcome
            decision.update({"kind": "funding", "outcome": outcome})
            decision_facts.append(f)
        rec.words(f, "/status" if code else "/decisions/0/outcome", always=True)
    for f in each("project.decision.date"):
        decision.setdefault("kind", "funding")
        decision["date"] = f.value
        decision_facts.append(f)
    for f in each("project.application.type"):
        decision.setdefault("kind", "funding")
        decision["phase"] = lookup(APPLICATION_TYPES, f.value, "application type")
        decision_facts.append(f)
    del status_outcome
    if decision:
        rec.append(None, "/decisions", decision)
        for f in decision_facts:
            sub = {"project.decision.date": "/date", "project.application.type": "/phase",
                   "project.status": "/outcome"}.get(f.name, "")
            rec.mark(f, "/decisions/0" + sub)
            if f.name != "project.status":
                rec.words(f, "/decisions/0" + sub, always=f.words is not None)
    for f in each("project.id.external"):
        rec.append(f, "/external_ids",
                   {"scheme": lookup(ID_SCHEMES, f.get("scheme"), "id scheme"), "id": f.value})
    for f in each("project.predecessor"):
        for v in f.value if isinstance(f.value, list) else [f.value]:
            if v not in UNNAMED_PREDECESSORS:
                rec.append(f, "/follows", v, unique=True)
        rec.words(f, "/follows", always=True)
    for f in each("project.theme"):
        for code in lookup(AREAS_TABLE, f.value, "project.theme"):
            at = rec.append(f, "/areas", code, unique=True)[len(rec.base):]
            rec.words(f, at, always=True)
    for f in each("project.location"):
        rec.append(f, "/locations", f.value, unique=True)
        rec.words(f, "/locations", always=True)
    for f in each("project.result"):
        rec.append(f, "/results", f.value)
        rec.words(f, "/results", always=True)
    for f in each("project.website"):
        rec.set(f, "/website", f.value)

    # The partnership the project runs in, where the source speaks of it.
    partnership_facts = each("relation.term") + each("start")
    partnership: Optional[Record] = None
    if partnership_facts:
        partnership = project_partnership(doc, rec, raw, by)
    for f in each("project.related"):
        related = source_of("projects", f.get("other_file"), f.get("other_key"), raw_files)
        if related is None:
            raise Unmapped(f"project.related: no source for {f.get('other_key')}")
        # Another source about the same project, and what it says.
        rec.append(f, "/sources", {**related, "note": text500(f.value)})
    for f in each("disagreement"):
        other = source_of("projects", f.get("other_file"), f.get("other_key"), raw_files)
        for alt in lookup(DISAGREEMENTS, (name, raw["key"]), "disagreement"):
            target = partnership if alt.get("in") == "partnership" else rec
            assert target is not None
            entry = {"at": alt["at"]}
            if "value" in alt:
                entry["value"] = alt["value"]
            entry.update({"source": other, "note": text500(f.value)})
            target.append(f, "/alternatives", entry)
    return rec


def project_partnership(doc: Document, project: Record, raw: Dict[str, Any],
                        by: Dict[str, List[Fact]]) -> Record:
    """A project record that speaks of the partnership it runs in ("det kommunala partnerskap
    som kommunerna ingick 2021"): that partnership, in the same register, with the partner the
    project names and the project pointing to it."""
    orgs = [f for f in by.get("project.organisation", [])
            if f.value.get("role", "").startswith("partner") and f.value.get("country") != "SE"]
    others = [f for f in by.get("project.organisation", [])
              if f.value.get("role", "").startswith("partner") and f.value.get("country") == "SE"]
    pid = slug(raw["key"] + "-partnership")
    rec = doc.new_record("partnerships", {"id": pid, "partner": {}})
    project.set(None, "/partnership", pid)
    if orgs:
        f = orgs[0]
        rec.set(f, "/partner/name", {"sv": f.value["name"]})
        if f.value.get("country"):
            rec.set(f, "/partner/country", f.value["country"])
        if "(county)" in f.value.get("role", ""):
            rec.set(f, "/partner/level", "county")
    for f in others:
        body: Dict[str, Any] = {"name": {"sv": f.value["name"]}, "country": f.value["country"]}
        rec.append(f, "/other_parties", body)
    for f in by.get("relation.term", []):
        code = lookup(AGREEMENT_TYPES, f.value, "relation.term")
        if code:
            rec.set(f, "/agreement_type", code)
        rec.words(f, "/agreement_type", always=True)
    for f in by.get("start", []):
        where = PARTNERSHIP_START_IN_PROJECT.get(raw["key"], "start")
        rec.set(f, "/" + where, f.value)
        rec.words(f, "/" + where, always=True)
    return rec


# ------------------------------------------------------------------------------------------------
# Feedback schemes.


def convert_scheme(doc: Document, name: str, raw: Dict[str, Any], facts: List[Fact],
                   raw_files: Dict[str, Dict[str, Any]]) -> Record:
    rec = doc.new_record("feedback_schemes", {"id": slug(raw["key"])})
    by: Dict[str, List[Fact]] = {}
    for f in facts:
        by.setdefault(f.name, []).append(f)

    def each(fact_name: str) -> List[Fact]:
        return by.get(fact_name, [])

    for f in each("scheme.name"):
        rec.set(f, "/name", f.value)
        rec.words(f, "/name")
    for f in each("scheme.start"):
        rec.set(f, "/start", f.value)
        rec.words(f, "/start", always=True)
    for f in each("scheme.valid_from"):
        rec.set(f, "/rules_valid_from", f.value)
        rec.words(f, "/rules_valid_from", always=True)
    for f in each("scheme.category"):
        cat: Dict[str, Any] = {"code": lookup(CATEGORIES, f.value, "scheme.category"),
                               "label": f.value}
        if f.get("description"):
            cat["description"] = f.get("description")
        at = rec.append(f, "/categories", cat)[len(rec.base):]
        rec.words(f, at + "/label")

    # Channels.
    def channel_index(code: str, service: Optional[str], urgent: bool) -> str:
        lst = rec.data.setdefault("channels", [])
        for i, ch in enumerate(lst):
            if ch["code"] == code and ch.get("service") == service \
                    and ch.get("urgent_only", False) == urgent:
                return f"/channels/{i}"
        ch = {"code": code}
        if service:
            ch["service"] = service
        if urgent:
            ch["urgent_only"] = True
        lst.append(ch)
        return f"/channels/{len(lst) - 1}"

    for f in each("scheme.channel"):
        spec = lookup(CHANNELS, f.value, "scheme.channel")
        if spec is None:
            rec.words(f, CHANNEL_WORDS_AT.get(f.value, "/channels"), always=True)
            continue
        at = channel_index(*spec)
        rec.mark(f, at)
        rec.words(f, at)
    for f in each("scheme.app_store"):
        at = channel_index("app", None, False)
        rec.append(f, at + "/app_stores", lookup(APP_STORES, f.value, "app store"), unique=True)
        rec.words(f, at + "/app_stores", always=True)
    for f in each("scheme.phone_hours"):
        at = channel_index("phone", None, True)
        rec.set(f, at + "/hours", f.value)
        rec.words(f, at + "/hours", always=True)
    for f in each("scheme.third_party"):
        where = lookup(THIRD_PARTIES, f.value, "scheme.third_party")
        if where == "system":
            rec.set(f, "/system", f.value)
            rec.words(f, "/system")
        elif where == "system-words":
            rec.words(f, "/system", always=True)
        elif where == "channel":
            at = channel_index("third_party", f.value, False)
            rec.mark(f, at)
            rec.words(f, at + "/service", always=True)
        else:
            rec.note(f, f"{f.name} ({f.get('applies_to')}): {f.words}")

    # What it asks for and offers.
    for f in each("scheme.contact_fields"):
        code = lookup(CONTACT_FIELDS, f.value, "contact field")
        if code:
            rec.append(f, "/contact_fields", code, unique=True)
        rec.words(f, "/contact_fields", always=True)
    for fact_name, fld in SCHEME_FLAGS.items():
        for f in each(fact_name):
            rec.set(f, "/" + fld, True)
            rec.words(f, "/" + fld, always=True)
    for fact_name, fld in SCHEME_LISTS.items():
        for f in each(fact_name):
            at = rec.append(f, "/" + fld, f.value, unique=True)[len(rec.base):]
            rec.words(f, at)

    # Proposals.
    proposal_of: Dict[str, int] = {}
    for f in each("scheme.proposal"):
        kind, named = lookup(PROPOSAL_KINDS, f.value, "scheme.proposal")
        p: Dict[str, Any] = {"kind": kind}
        if named:
            p["name"] = f.value
        at = rec.append(f, "/proposals", p)
        proposal_of[f.value] = int(at.rsplit("/", 1)[1])
        rec.words(f, at[len(rec.base):])

    def proposal_at(f: Fact) -> str:
        target = f.get("applies_to")
        index = proposal_of.get(target, 0) if target else 0
        if not rec.data.get("proposals"):
            raise Unmapped(f"{f.name}: no proposal kind in the record")
        return f"/proposals/{index}"

    for f in each("scheme.proposal.threshold"):
        at = proposal_at(f)
        count = lookup(PROPOSAL_THRESHOLDS, f.value, "threshold")
        if count is not None:
            rec.set(f, at + "/threshold", count)
        rec.words(f, at + "/threshold", always=True)
    for f in each("scheme.proposal.publication"):
        at = proposal_at(f)
        rec.set(f, at + "/publication", lookup(PUBLICATION, f.value, "publication"))
        rec.words(f, at + "/publication", always=True)
    for f in each("scheme.proposal.support"):
        at = proposal_at(f)
        rec.set(f, at + "/support", True)
        rec.words(f, at + "/support", always=True)
    for f in each("scheme.proposal.eligibility"):
        at = proposal_at(f)
        rec.set(f, at + "/eligibility", f.value)
        rec.words(f, at + "/eligibility", always=True)
    for f in each("scheme.proposal.rule"):
        at = proposal_at(f)
        rec.append(f, at + "/rules", f.value, unique=True)
        rec.words(f, at + "/rules", always=True)
    for f in each("scheme.proposal.list_fields"):
        at = proposal_at(f)
        rec.append(f, at + "/list_fields", f.value, unique=True)
    for f in each("scheme.proposal.replaces"):
        at = proposal_at(f)
        rec.set(f, at + "/replaces", lookup(PROPOSAL_REPLACES, f.value, "replaces"))
        rec.words(f, at + "/replaces", always=True)

    # Anonymity, replies, handling times.
    for f in each("scheme.anonymous"):
        allowed = lookup(ANONYMOUS, f.value, "scheme.anonymous")
        if allowed == "proposal-false":
            at = f"/proposals/{proposal_of.get(f.get('applies_to'), 0)}/anonymous"
            rec.set(f, at, False)
        else:
            at = "/anonymous"
            rec.set(f, at, allowed)
        rec.words(f, at, always=True)
    for f in each("scheme.reply"):
        reply = lookup(REPLIES, f.value, "scheme.reply")
        if reply == "proposal-words":
            rec.words(f, proposal_at(f), always=True)
            continue
        if reply is not None:
            rec.set(f, "/reply", reply)
        rec.words(f, "/reply", always=True)
    for f in each("scheme.response_time"):
        spec = lookup(RESPONSE_TIMES, f.value, "scheme.response_time")
        if spec == "proposal-words":
            rec.words(f, proposal_at(f), always=True)
        elif spec is None:
            rec.words(f, "/response_times", always=True)
        else:
            at = rec.append(f, "/response_times", dict(spec))[len(rec.base):]
            rec.words(f, at, always=True)
    for fact_name, fld in HANDLING.items():
        for f in each(fact_name):
            if f.value in UNNAMED_CONTRACTORS:
                rec.words(f, f"/handling/{fld}", always=True)
                continue
            if rec.get(f"/handling/{fld}") is None:
                rec.set(f, f"/handling/{fld}", f.value)
            rec.words(f, f"/handling/{fld}", always=True)
    for fact_name, fld in HANDLING_FLAGS.items():
        for f in each(fact_name):
            rec.set(f, f"/handling/{fld}", True)
            rec.words(f, f"/handling/{fld}", always=True)
    for f in each("scheme.data_logged"):
        at = rec.append(f, "/handling/data_logged", f.value, unique=True)[len(rec.base):]
        rec.words(f, at, always=True)
    for f in each("scheme.statistics"):
        counts = lookup(STATISTICS, f.value, "scheme.statistics")
        if counts == "notes":
            rec.note(f)
            continue
        for c in counts:
            at = rec.append(f, "/statistics", dict(c))[len(rec.base):]
            rec.words(f, at, always=True)
    return rec


# ------------------------------------------------------------------------------------------------
# The whole corpus.

CONVERTERS = {"partnerships": convert_partnership, "projects": convert_project,
              "feedback": convert_scheme}
KNOWN_FACTS = {
    "partnerships": {
        "partner.name", "partner.other_name", "partner.country", "partner.subdivision",
        "partner.level", "partner.part_of", "partner.merged_into", "partner.successor",
        "partner.website", "relation.term", "relation.areas", "relation.funding",
        "relation.parties", "start", "end", "end.reason", "status", "decision.body",
        "decision.date", "decision.reference", "network", "register.count_stated",
        "responsible", "disagreement", "relation.agreement", "relation.agreement.term_clause",
        "relation.renewed", "relation.other_term", "relation.later_term", "relation.kind",
        "relation.first_contact", "relation.age_stated", "relation.anniversary",
        "relation.activity", "relation.phase", "relation.programme", "relation.origin",
        "relation.predecessor", "relation.note", "start.unknown", "status.proposal",
        "status.review", "decision.outcome", "register.policy", "register.count_stated.earlier",
        "register.count_stated.countries", "partner.unnamed", "partner.is_group",
        "partner.merger_note", "partner.name.note", "partner.country.code_in_source",
        "municipality.name_in_source", "network.outside", "network.presidency",
    },
    "projects": {
        "project.title", "project.acronym", "project.description", "project.programme",
        "project.programme.strand", "project.programme.action", "project.programme.period",
        "project.funder", "project.id.external", "project.start", "project.end",
        "project.status", "project.budget.total", "project.budget.grant",
        "project.budget.own_share", "project.organisation", "project.own_role", "project.unit",
        "project.country", "project.website", "project.phase", "project.result",
        "project.programme.priority", "project.programme.call", "project.decision.date",
        "project.managing_authority", "project.application.type", "project.budget.cofinancing",
        "project.budget.part", "project.duration", "project.end.original", "project.end.reason",
        "project.predecessor", "project.related", "project.theme", "project.location",
        "project.activity", "project.network", "project.participants.count",
        "project.organisation.count_stated", "project.subprojects.count_stated",
        "disagreement", "relation.term", "start",
    },
    "feedback": {
        "scheme.name", "scheme.category", "scheme.channel", "scheme.third_party",
        "scheme.anonymous", "scheme.reply", "scheme.contact_fields", "scheme.unit_choice",
        "scheme.attachment", "scheme.location", "scheme.proposal", "scheme.response_time",
        "scheme.excluded", "scheme.public_record", "scheme.confidential", "scheme.published",
        "scheme.handler", "scheme.form", "scheme.form_field", "scheme.app_store", "scheme.start",
        "scheme.valid_from", "scheme.rule", "scheme.legal_basis", "scheme.statistics",
        "scheme.reporting", "scheme.data_logged", "scheme.moderation", "scheme.delivery",
        "scheme.contractor", "scheme.phone_hours", "scheme.on_call", "scheme.appeal",
        "scheme.proposal.threshold", "scheme.proposal.eligibility", "scheme.proposal.rule",
        "scheme.proposal.publication", "scheme.proposal.support", "scheme.proposal.replaces",
        "scheme.proposal.list_fields",
    },
}


def load_raw() -> Dict[str, Dict[str, Any]]:
    out = {}
    for area in AREAS:
        for path in sorted((RAW / area).glob("*.json")):
            out[f"{area}/{path.stem}"] = json.loads(path.read_text(encoding="utf-8"))
    return out


def classify(facts: List[Fact]) -> Tuple[str, List[Dict[str, Any]]]:
    prose = [f for f in facts if not any(not p.endswith("/notes") for p in f.at)]
    if any(not f.at for f in facts):
        return MISFIT, []
    listed = [{"fact": f.name, "as_written": f.words if f.words is not None else f.value}
              for f in prose]
    return (PROSE if prose else FITS), listed


def convert_all() -> Tuple[Dict[str, str], Dict[str, Any]]:
    """Every raw file converted: the documents' texts by path under converted/, and the
    placement of every fact by raw file and record."""
    raw_files = load_raw()
    scb = scb_table()
    outputs: Dict[str, str] = {}
    placement: Dict[str, Any] = {}
    for name, data in raw_files.items():
        area, stem = name.split("/")
        groups: Dict[str, List[Dict[str, Any]]] = {}
        for r in data["records"]:
            m = r.get("municipality") or data["municipality"]
            if scb.get(m["scb_code"]) != m["name"]:
                raise Unmapped(f"{name}: {m} is not in SCB's table")
            groups.setdefault(m["scb_code"], []).append(r)
        file_results: Dict[str, Any] = {}
        for code, records in groups.items():
            place = scb[code]
            out_name = f"{stem}.json" if len(groups) == 1 else f"{stem}--{slug(place)}.json"
            doc = Document(area, stem, data["source"], code, place)
            built = []
            for r in records:
                default_lang = SOURCE_LANG.get(name)
                facts = []
                for raw_fact in r["facts"]:
                    if raw_fact["fact"] not in KNOWN_FACTS[area]:
                        raise Unmapped(f"{name}: fact {raw_fact['fact']} has no converter")
                    lang = raw_fact.get("lang") or LANG_OVERRIDES.get(
                        (name, raw_fact.get("as_written"))) or default_lang
                    facts.append(Fact(raw_fact, None if lang == "sv" else lang))
                rec = CONVERTERS[area](doc, name, r, facts, raw_files)
                built.append((r, facts, rec))
            for r, facts, rec in built:
                rec.finish()
            document = doc.finish()
            document = ordered(document, schema_root())
            rel = f"{area}/{out_name}"
            outputs[rel] = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
            for r, facts, rec in built:
                cls, prose = classify(facts)
                file_results[r["key"]] = {
                    "output": f"converted/{rel}",
                    "class": cls,
                    "prose": prose,
                    "facts": [{"fact": f.name, "as_written": f.words, "at": f.at} for f in facts],
                }
        placement[name] = file_results
    return outputs, placement


# ------------------------------------------------------------------------------------------------
# Key order: as the schema lists the properties, so that documents read alike.

_SCHEMA: Optional[Dict[str, Any]] = None


def schema_root() -> Dict[str, Any]:
    global _SCHEMA
    if _SCHEMA is None:
        loaded: Dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
        _SCHEMA = loaded
    return _SCHEMA


def deref(node: Dict[str, Any]) -> Dict[str, Any]:
    root = schema_root()
    seen = 0
    while True:
        seen += 1
        if seen > 20:
            return node
        if "$ref" in node:
            node = root["$defs"][node["$ref"].rsplit("/", 1)[1]]
            continue
        for key in ("anyOf", "oneOf"):
            if key in node:
                branches = [b for b in node[key] if b.get("type") != "null"]
                if branches:
                    node = branches[0]
                    break
        else:
            return node


def ordered(value: Json, node: Optional[Dict[str, Any]]) -> Json:
    if node is None:
        return value
    node = deref(node)
    if isinstance(value, dict):
        props = node.get("properties", {})
        keys = [k for k in props if k in value] + [k for k in value if k not in props]
        return {k: ordered(value[k], props.get(k)) for k in keys}
    if isinstance(value, list):
        items = node.get("items")
        return [ordered(v, items) for v in value]
    return value


# ------------------------------------------------------------------------------------------------
# Checking.


def validate(outputs: Dict[str, str], cli: Path) -> Tuple[List[str], List[str]]:
    """Runs the CLI over the documents: their errors and warnings, one line each."""
    errors: List[str] = []
    warnings: List[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "converted"
        for rel, text in outputs.items():
            path = base / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        result = subprocess.run(
            [str(cli), "validate", "--kind", "dataset", "--format", "json", "--lang", "en",
             str(base)], capture_output=True, text=True, check=False)
        if result.returncode not in (0, 1):
            raise SystemExit(f"{cli} failed ({result.returncode}):\n{result.stderr}")
        report = json.loads(result.stdout)
    for file in report["files"]:
        rel = Path(file["path"]).relative_to(base).as_posix()
        if file.get("error"):
            errors.append(f"converted/{rel}: {file['error']}")
        for issue in file["issues"]:
            line = (f"converted/{rel}{issue['pointer']}: {issue['severity']}"
                    f"[{issue['code']}] {issue['message']}")
            (errors if issue["severity"] == "error" else warnings).append(line)
    return errors, warnings


def check_pointers(outputs: Dict[str, str], placement: Dict[str, Any]) -> List[str]:
    """Every structured place recorded for a fact is a value of the converted document, and
    every prose place is a `notes` text."""
    problems = []
    docs = {f"converted/{rel}": json.loads(text) for rel, text in outputs.items()}
    for name, records in placement.items():
        for key, result in records.items():
            doc = docs[result["output"]]
            for fact in result["facts"]:
                if not fact["at"]:
                    problems.append(f"{name} {key}: {fact['fact']} has no place")
                for pointer in fact["at"]:
                    found, value = resolve(doc, pointer)
                    if not found:
                        problems.append(f"{name} {key}: {fact['fact']} at {pointer}: no such value")
                    elif pointer.endswith("/notes") and not isinstance(value, str):
                        problems.append(f"{name} {key}: {pointer} is not a note")
    return problems


def baseline_of(placement: Dict[str, Any]) -> Dict[str, str]:
    return {f"{name}:{key}": r["class"] for name, recs in placement.items()
            for key, r in recs.items()}


def report(placement: Dict[str, Any]) -> str:
    lines = []
    totals: Dict[str, Dict[str, int]] = {}
    for name, records in placement.items():
        area = name.split("/")[0]
        counts = {FITS: 0, PROSE: 0, MISFIT: 0}
        for r in records.values():
            counts[r["class"]] += 1
        for cls, n in counts.items():
            totals.setdefault(area, {FITS: 0, PROSE: 0, MISFIT: 0})[cls] += n
        lines.append(f"  {name:<72} {counts[FITS]:>3} fit  {counts[PROSE]:>2} prose  "
                     f"{counts[MISFIT]:>2} do not fit")
    lines.append("")
    grand = {FITS: 0, PROSE: 0, MISFIT: 0}
    for area in AREAS:
        t = totals.get(area, {FITS: 0, PROSE: 0, MISFIT: 0})
        for cls in grand:
            grand[cls] += t[cls]
        lines.append(summary_line(area, t))
    lines.append(summary_line("total", grand))
    facts = [f for recs in placement.values() for r in recs.values() for f in r["facts"]]
    typed = [f for f in facts if any("/as_written/" not in p and not p.endswith("/notes")
                                     for p in f["at"])]
    words = [f for f in facts if f not in typed and any("/as_written/" in p for p in f["at"])]
    lines.append("")
    lines.append(f"  {len(facts)} facts: {len(typed)} with a typed value, {len(words)} kept only as "
                 f"the source's words (as_written, no code or value fits), "
                 f"{len(facts) - len(typed) - len(words)} only in notes")
    prose = [(name, key, p) for name, recs in placement.items() for key, r in recs.items()
             for p in r["prose"]]
    if prose:
        lines.append("")
        lines.append("Facts kept only as prose (notes):")
        for name, key, p in prose:
            lines.append(f"  {name} {key}: {p['fact']}: {json.dumps(p['as_written'], ensure_ascii=False)}")
    return "\n".join(lines)


def summary_line(label: str, t: Dict[str, int]) -> str:
    n = sum(t.values()) or 1
    return (f"  {label:<13} {sum(t.values()):>4} records: {t[FITS]:>4} fit ({100 * t[FITS] / n:5.1f} %),"
            f" {t[PROSE]:>3} prose ({100 * t[PROSE] / n:4.1f} %), {t[MISFIT]:>3} do not fit "
            f"({100 * t[MISFIT] / n:4.1f} %)")


def committed() -> Dict[str, str]:
    out = {}
    for path in sorted(CONVERTED.rglob("*.json")):
        out[path.relative_to(CONVERTED).as_posix()] = path.read_text(encoding="utf-8")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="compare with the committed files")
    mode.add_argument("--update", action="store_true", help="rewrite converted/ and the baseline")
    ap.add_argument("--cli", type=Path, required=True, help="the kommun-intl binary")
    ap.add_argument("--verbose", action="store_true", help="list every warning")
    args = ap.parse_args()

    try:
        outputs, placement = convert_all()
    except Unmapped as e:
        print(f"convert.py: {e}", file=sys.stderr)
        return 1
    placement_text = json.dumps(placement, ensure_ascii=False, indent=1) + "\n"
    failed = False

    errors, warnings = validate(outputs, args.cli)
    problems = check_pointers(outputs, placement)
    print(f"Converted {len(placement)} raw files into {len(outputs)} documents "
          f"({sum(len(r) for r in placement.values())} records).")
    print(report(placement))
    if warnings:
        print(f"\nWarnings ({len(warnings)}; allowed; --verbose lists them):")
        by_code = Counter(w.split("[", 1)[1].split("]", 1)[0] for w in warnings)
        for code, n in sorted(by_code.items()):
            print(f"  {n:>4} {code}")
        if args.verbose:
            for w in warnings:
                print("  " + w)
    if errors:
        failed = True
        print(f"\nErrors ({len(errors)}):")
        for line in errors:
            print("  " + line)
    if problems:
        failed = True
        print("\nFacts whose place does not resolve:")
        for p in problems:
            print("  " + p)

    new_baseline = baseline_of(placement)
    if args.update:
        if failed:
            print("\nnot updated: fix the errors first", file=sys.stderr)
            return 1
        for path in CONVERTED.rglob("*.json"):
            path.unlink()
        for rel, text in outputs.items():
            path = CONVERTED / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        PLACEMENT.write_text(placement_text, encoding="utf-8")
        BASELINE.write_text(json.dumps(new_baseline, ensure_ascii=False, indent=1,
                                       sort_keys=True) + "\n", encoding="utf-8")
        print("\nwrote converted/, placement.json and baseline.json")
        return 0

    old = committed()
    drift = sorted(set(old) ^ set(outputs)) + sorted(k for k in outputs
                                                     if k in old and old[k] != outputs[k])
    if not PLACEMENT.exists() or PLACEMENT.read_text(encoding="utf-8") != placement_text:
        drift.append("../placement.json")
    if drift:
        failed = True
        print("\nConverted files differ from the committed ones (run `make realworld-update` "
              "and review the diff):")
        for d in drift:
            print(f"  converted/{d}")
    baseline = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    worse = [(k, baseline[k], c) for k, c in new_baseline.items()
             if k in baseline and RANK[c] > RANK[baseline[k]]]
    unknown = sorted(set(new_baseline) ^ set(baseline))
    if worse or unknown:
        failed = True
        print("\nAgainst baseline.json:")
        for k, was, now in worse:
            print(f"  {k}: was {was}, now {now}")
        for k in unknown:
            print(f"  {k}: {'new' if k in new_baseline else 'gone'} record")
    print("\nrealworld: " + ("FAILED" if failed else "ok"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
