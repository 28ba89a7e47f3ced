"""The Python peers' models of kommun-intl's documents: pydantic v2 and msgspec.

Both are written to enforce what kommun-intl's JSON Schemas (``schemas/``) enforce
structurally: types, required fields, no unknown fields, code lists (``enum``), lengths
(``minLength``/``maxLength``, ``minItems``), ``uniqueItems`` and patterns. The patterns and code
lists are read from the committed schemas, so they cannot drift from kommun-intl's. What the
schemas name only in ``x-rules`` (end before start, a programme's funder, phone numbers that
exist, ...) is not modelled: the benchmark data break only what the schemas can see.

Differences that the benchmark data do not touch, kept deliberately small:

- ``format: email`` is a pattern here (one ``@``, no white space, a dot in the domain);
- ``format: date-time`` is the schema's own timestamp pattern only;
- msgspec matches patterns with Python's ``re``, whose ``$`` also matches before a final
  newline, so each pattern's final ``$`` becomes ``\\Z`` for it (pydantic uses Rust's regex,
  where ``$`` is the end of the text as in JSON Schema).
"""

from __future__ import annotations

import json
import pathlib
import re
from typing import Annotated, Any, Literal, Optional, Union

import msgspec
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"


def schema(kind: str) -> dict[str, Any]:
    """The committed JSON Schema of a kind (``feedback``, ``dataset``, ...)."""
    return json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))


_DEFS: dict[str, Any] = {}
for _kind in ("dataset", "feedback"):
    _DEFS.update(schema(_kind)["$defs"])


def _pattern(name: str) -> str:
    return _DEFS[name]["pattern"]


def _enum(name: str) -> tuple[str, ...]:
    return tuple(_DEFS[name]["enum"])


def _lengths(name: str) -> dict[str, int]:
    d = _DEFS[name]
    out = {}
    if "minLength" in d:
        out["min_length"] = d["minLength"]
    if "maxLength" in d:
        out["max_length"] = d["maxLength"]
    return out


EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"

STRINGS = {
    "Text": (_pattern("Text"), _lengths("Text")),
    "LongText": (_pattern("LongText"), _lengths("LongText")),
    "Id": (_pattern("Id"), {}),
    "Timestamp": (_pattern("Timestamp"), {}),
    "Url": (_pattern("Url"), {}),
    "PartialDate": (_pattern("PartialDate"), {}),
    "Amount": (_pattern("Amount"), {}),
    "Phone": (_pattern("Phone"), {}),
    "Email": (EMAIL_PATTERN, {}),
    "SubdivisionCode": (_pattern("SubdivisionCode"), {}),
    "WikidataId": (_pattern("WikidataId"), {}),
    "MunicipalityCode": (_pattern("MunicipalityCode"), {}),
    "OrgNumber": (_pattern("OrgNumber"), {}),
}
ENUMS = {
    name: _enum(name)
    for name in (
        "FeedbackCategory",
        "Channel",
        "FeedbackStatus",
        "CountryCode",
        "CurrencyCode",
        "FormerCountry",
        "PartnerLevel",
        "AgreementType",
        "CooperationArea",
        "FundingSourceType",
        "PartnershipStatus",
        "ProgrammeCode",
        "ActivityStatus",
        "InternationalWorkKind",
        "StatMeasure",
    )
}


def _unique(items: Optional[list]) -> Optional[list]:
    if items is None:
        return items
    keys = [_key(x) for x in items]
    if len(set(keys)) != len(keys):
        raise ValueError("items are not unique")
    return items


def _key(x: Any) -> Any:
    if isinstance(x, (BaseModel, msgspec.Struct)):
        return tuple(sorted((k, _key(v)) for k, v in _fields(x)))
    return x


def _fields(x: Any):
    if isinstance(x, BaseModel):
        return x.__dict__.items()
    return ((f, getattr(x, f)) for f in x.__struct_fields__)


# ---------------------------------------------------------------------------------------------
# pydantic v2


def _pstr(name: str):
    pattern, lengths = STRINGS[name]
    return Annotated[str, StringConstraints(pattern=pattern, **lengths)]


def _penum(name: str):
    return Literal[ENUMS[name]]  # type: ignore[valid-type]


PText = _pstr("Text")
PLongText = _pstr("LongText")
PId = _pstr("Id")
PTimestamp = _pstr("Timestamp")
PUrl = _pstr("Url")
PDate = _pstr("PartialDate")
PAmount = _pstr("Amount")
PPhone = _pstr("Phone")
PEmail = _pstr("Email")


def _plist(item: Any, unique: bool = False):
    if unique:
        return Optional[Annotated[list[item], Field(min_length=1), AfterValidator(_unique)]]
    return Optional[Annotated[list[item], Field(min_length=1)]]


class PModel(BaseModel):
    """Strict (no coercion, as JSON Schema) and closed (no unknown fields)."""

    model_config = ConfigDict(strict=True, extra="forbid")


class PContact(PModel):
    name: Optional[PText] = None
    email: Optional[PEmail] = None
    phone: Optional[PPhone] = None


class PFeedback(PModel):
    schema_: Optional[str] = Field(default=None, alias="$schema")
    id: Optional[PText] = None
    category: _penum("FeedbackCategory")
    description: PLongText
    concerns_unit: Optional[PId] = None
    channel: _penum("Channel")
    submitted_at: PTimestamp
    contact: Optional[PContact] = None
    wants_reply: bool = False
    status: _penum("FeedbackStatus") = "received"


class PLocalizedText(PModel):
    sv: PText
    en: Optional[PText] = None


class PPartnerBody(PModel):
    name: PLocalizedText
    former_names: _plist(PText, unique=True) = None
    level: _penum("PartnerLevel")
    country: Optional[_penum("CountryCode")] = None
    former_country: Optional[_penum("FormerCountry")] = None
    subdivision: Optional[_pstr("SubdivisionCode")] = None
    wikidata: Optional[_pstr("WikidataId")] = None
    part_of: Optional[PPartnerBody] = None


class PFundingSource(PModel):
    type: _penum("FundingSourceType")
    name: Optional[PText] = None


class PSource(PModel):
    url: PUrl
    retrieved: Optional[PDate] = None
    note: Optional[PText] = None


class PPartnership(PModel):
    schema_: Optional[str] = Field(default=None, alias="$schema")
    id: PId
    partner: PPartnerBody
    other_parties: _plist(PPartnerBody) = None
    agreement_type: _penum("AgreementType")
    areas: _plist(_penum("CooperationArea"), unique=True) = None
    funding: _plist(PFundingSource, unique=True) = None
    start: Optional[PDate] = None
    renewals: _plist(PDate, unique=True) = None
    planned_end: Optional[PDate] = None
    end: Optional[PDate] = None
    end_reason: Optional[PText] = None
    status: _penum("PartnershipStatus") = "unknown"
    notes: Optional[PText] = None
    sources: _plist(PSource) = None


class PMoney(PModel):
    amount: PAmount
    currency: _penum("CurrencyCode")


class PProject(PModel):
    schema_: Optional[str] = Field(default=None, alias="$schema")
    id: PId
    title: PLocalizedText
    acronym: Optional[PText] = None
    description: Optional[PLongText] = None
    departments: _plist(PId, unique=True) = None
    participating_countries: _plist(_penum("CountryCode"), unique=True) = None
    programme: Optional[_penum("ProgrammeCode")] = None
    funder_type: Optional[_penum("FundingSourceType")] = None
    status: _penum("ActivityStatus")
    start: Optional[PDate] = None
    end: Optional[PDate] = None
    grant: Optional[PMoney] = None
    areas: _plist(_penum("CooperationArea"), unique=True) = None
    website: Optional[PUrl] = None


class PPostalAddress(PModel):
    street_address: PText
    postal_code: PText
    locality: PText
    country: _penum("CountryCode")


class POrgUnit(PModel):
    id: PId
    name: PText


class PMunicipality(PModel):
    schema_: Optional[str] = Field(default=None, alias="$schema")
    id: PId
    name: PLocalizedText
    municipality_code: _pstr("MunicipalityCode")
    organisation_number: Optional[_pstr("OrgNumber")] = None
    address: Optional[PPostalAddress] = None
    phone: Optional[PPhone] = None
    fax: Optional[PPhone] = None
    email: Optional[PEmail] = None
    website: Optional[PUrl] = None
    units: list[POrgUnit] = []
    kinds_of_work: _plist(_penum("InternationalWorkKind"), unique=True) = None


class PMembership(PModel):
    id: PId
    organisation: PText
    website: Optional[PUrl] = None
    start: Optional[PDate] = None
    end: Optional[PDate] = None


class PObservation(PModel):
    schema_: Optional[str] = Field(default=None, alias="$schema")
    period: PDate
    measure: _penum("StatMeasure")
    value: PAmount
    unit: Literal[("count", *ENUMS["CurrencyCode"])]  # type: ignore[valid-type]
    approximate: bool = False
    source: Optional[PSource] = None


class PDataset(PModel):
    schema_: Optional[str] = Field(default=None, alias="$schema")
    municipality: PMunicipality
    partnerships: list[PPartnership] = []
    projects: list[PProject] = []
    memberships: list[PMembership] = []
    statistics: list[PObservation] = []
    sources: _plist(PSource) = None


PYDANTIC = {
    "feedback": PFeedback,
    "partnership": PPartnership,
    "project": PProject,
    "dataset": PDataset,
}

# ---------------------------------------------------------------------------------------------
# msgspec


def _mstr(name: str):
    pattern, lengths = STRINGS[name]
    if pattern.endswith("$"):
        pattern = pattern[:-1] + r"\Z"
    return Annotated[str, msgspec.Meta(pattern=pattern, **lengths)]


def _menum(name: str):
    return Literal[ENUMS[name]]  # type: ignore[valid-type]


def _mlist(item: Any):
    return Union[Annotated[list[item], msgspec.Meta(min_length=1)], None]


MText = _mstr("Text")
MLongText = _mstr("LongText")
MId = _mstr("Id")
MDate = _mstr("PartialDate")
MUrl = _mstr("Url")
MPhone = _mstr("Phone")
MEmail = _mstr("Email")
MAmount = _mstr("Amount")


class MStruct(msgspec.Struct, forbid_unknown_fields=True):
    """Closed (no unknown fields); msgspec never coerces types."""


class MContact(MStruct):
    name: Optional[MText] = None
    email: Optional[MEmail] = None
    phone: Optional[MPhone] = None


class MFeedback(MStruct):
    category: _menum("FeedbackCategory")
    description: MLongText
    channel: _menum("Channel")
    submitted_at: _mstr("Timestamp")
    schema_: Optional[str] = msgspec.field(default=None, name="$schema")
    id: Optional[MText] = None
    concerns_unit: Optional[MId] = None
    contact: Optional[MContact] = None
    wants_reply: bool = False
    status: _menum("FeedbackStatus") = "received"


class MLocalizedText(MStruct):
    sv: MText
    en: Optional[MText] = None


class MPartnerBody(MStruct):
    name: MLocalizedText
    level: _menum("PartnerLevel")
    former_names: _mlist(MText) = None
    country: Optional[_menum("CountryCode")] = None
    former_country: Optional[_menum("FormerCountry")] = None
    subdivision: Optional[_mstr("SubdivisionCode")] = None
    wikidata: Optional[_mstr("WikidataId")] = None
    part_of: Optional[MPartnerBody] = None

    def __post_init__(self) -> None:
        _unique(self.former_names)


class MFundingSource(MStruct):
    type: _menum("FundingSourceType")
    name: Optional[MText] = None


class MSource(MStruct):
    url: MUrl
    retrieved: Optional[MDate] = None
    note: Optional[MText] = None


class MPartnership(MStruct):
    id: MId
    partner: MPartnerBody
    agreement_type: _menum("AgreementType")
    schema_: Optional[str] = msgspec.field(default=None, name="$schema")
    other_parties: _mlist(MPartnerBody) = None
    areas: _mlist(_menum("CooperationArea")) = None
    funding: _mlist(MFundingSource) = None
    start: Optional[MDate] = None
    renewals: _mlist(MDate) = None
    planned_end: Optional[MDate] = None
    end: Optional[MDate] = None
    end_reason: Optional[MText] = None
    status: _menum("PartnershipStatus") = "unknown"
    notes: Optional[MText] = None
    sources: _mlist(MSource) = None

    def __post_init__(self) -> None:
        _unique(self.areas)
        _unique(self.funding)
        _unique(self.renewals)


class MMoney(MStruct):
    amount: MAmount
    currency: _menum("CurrencyCode")


class MProject(MStruct):
    id: MId
    title: MLocalizedText
    status: _menum("ActivityStatus")
    schema_: Optional[str] = msgspec.field(default=None, name="$schema")
    acronym: Optional[MText] = None
    description: Optional[MLongText] = None
    departments: _mlist(MId) = None
    participating_countries: _mlist(_menum("CountryCode")) = None
    programme: Optional[_menum("ProgrammeCode")] = None
    funder_type: Optional[_menum("FundingSourceType")] = None
    start: Optional[MDate] = None
    end: Optional[MDate] = None
    grant: Optional[MMoney] = None
    areas: _mlist(_menum("CooperationArea")) = None
    website: Optional[MUrl] = None

    def __post_init__(self) -> None:
        _unique(self.departments)
        _unique(self.participating_countries)
        _unique(self.areas)


class MPostalAddress(MStruct):
    street_address: MText
    postal_code: MText
    locality: MText
    country: _menum("CountryCode")


class MOrgUnit(MStruct):
    id: MId
    name: MText


class MMunicipality(MStruct):
    id: MId
    name: MLocalizedText
    municipality_code: _mstr("MunicipalityCode")
    schema_: Optional[str] = msgspec.field(default=None, name="$schema")
    organisation_number: Optional[_mstr("OrgNumber")] = None
    address: Optional[MPostalAddress] = None
    phone: Optional[MPhone] = None
    fax: Optional[MPhone] = None
    email: Optional[MEmail] = None
    website: Optional[MUrl] = None
    units: list[MOrgUnit] = []
    kinds_of_work: _mlist(_menum("InternationalWorkKind")) = None

    def __post_init__(self) -> None:
        _unique(self.kinds_of_work)


class MMembership(MStruct):
    id: MId
    organisation: MText
    website: Optional[MUrl] = None
    start: Optional[MDate] = None
    end: Optional[MDate] = None


class MObservation(MStruct):
    period: MDate
    measure: _menum("StatMeasure")
    value: MAmount
    unit: Literal[("count", *ENUMS["CurrencyCode"])]  # type: ignore[valid-type]
    schema_: Optional[str] = msgspec.field(default=None, name="$schema")
    approximate: bool = False
    source: Optional[MSource] = None


class MDataset(MStruct):
    municipality: MMunicipality
    schema_: Optional[str] = msgspec.field(default=None, name="$schema")
    partnerships: list[MPartnership] = []
    projects: list[MProject] = []
    memberships: list[MMembership] = []
    statistics: list[MObservation] = []
    sources: _mlist(MSource) = None


MSGSPEC = {
    "feedback": MFeedback,
    "partnership": MPartnership,
    "project": MProject,
    "dataset": MDataset,
}


def pydantic_list_adapter(kind: str) -> TypeAdapter:
    """A ``TypeAdapter(list[Model])`` for batches."""
    return TypeAdapter(list[PYDANTIC[kind]])  # type: ignore[valid-type]


__all__ = ["MSGSPEC", "PYDANTIC", "pydantic_list_adapter", "schema", "re"]
