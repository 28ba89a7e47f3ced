"""Typed dicts of the documents' JSON form (what ``to_dict`` returns) and the code lists.

Generated from the JSON Schemas by ``bindings/python/tools/generate.py``; do not edit.
A code list with more than 64 codes is typed ``str``; ``code_lists()`` has them all.
"""

import datetime
import os
from typing import Any, List, Literal, Mapping, Tuple, TypedDict, Union

__all__ = [
    'ActivityStatus',
    'AgreementType',
    'Channel',
    'CooperationArea',
    'CountryCode',
    'CurrencyCode',
    'FaultReportStatus',
    'FeedbackCategory',
    'FeedbackStatus',
    'FormerCountry',
    'FundingSourceType',
    'InternationalWorkKind',
    'PartnerLevel',
    'PartnershipStatus',
    'ProgrammeCode',
    'ServiceCode',
    'StatMeasure',
    'Unit',
    'ContactDict',
    'DatasetDict',
    'FaultReportDict',
    'FeedbackDict',
    'FundingSourceDict',
    'LocalizedTextDict',
    'MembershipDict',
    'MoneyDict',
    'MunicipalityDict',
    'ObservationDict',
    'OrgUnitDict',
    'PartnerBodyDict',
    'PartnershipDict',
    'PostalAddressDict',
    'ProjectDict',
    'SourceDict',
    'CodeEntry',
    'DateArg',
    'IssueDict',
    'ReportDict',
    'Source',
]


Source = Union[
    bytes, bytearray, str, "os.PathLike[str]", Mapping[str, Any], List[Any], Tuple[Any, ...]
]
"""One document: JSON text (bytes or str, never a file name), a path, or a parsed value."""

DateArg = Union[datetime.date, str, None]
"""A reference date: a ``datetime.date`` or ``YYYY-MM-DD``."""

class CodeEntry(TypedDict):
    """One code of a code list with its labels (``code_lists()``)."""

    code: str
    sv: str
    en: str


class IssueDict(TypedDict):
    """``Issue.to_dict()``, as the CLI's JSON output writes an issue."""

    code: str
    severity: Literal["error", "warning"]
    pointer: str
    line: Union[int, None]
    column: Union[int, None]
    offset: Union[int, None]
    message: str
    params: "dict[str, str]"


class ReportDict(TypedDict):
    """``Report.to_dict()``, as the CLI's JSON output writes one file."""

    kind: Union[str, None]
    valid: bool
    issues: List[IssueDict]
    truncated: int


ActivityStatus = Literal['pipeline', 'implementation', 'completion', 'post_completion', 'cancelled', 'suspended']
AgreementType = Literal['twinning', 'industrial_partnership', 'cooperation', 'friendship', 'municipal_partnership']
Channel = Literal['web', 'email', 'phone', 'letter', 'visit']
CooperationArea = Literal['education', 'school_exchange', 'elderly_disability_care', 'social_care', 'culture', 'sport', 'environment', 'tourism', 'business', 'business_development', 'trade_small_industry', 'technology', 'health', 'youth_exchange']
CountryCode = str
CurrencyCode = str
FaultReportStatus = Literal['open', 'closed']
FeedbackCategory = Literal['praise', 'question', 'suggestion', 'complaint']
FeedbackStatus = Literal['received', 'assigned', 'answered', 'closed']
FormerCountry = Literal['AIDJ', 'ANHH', 'BQAQ', 'BUMM', 'BYAA', 'CSHH', 'CSXX', 'CTKI', 'DDDE', 'DYBJ', 'FQHH', 'FXFR', 'GEHH', 'HVBF', 'JTUM', 'MIUM', 'NHVU', 'NQAQ', 'NTHH', 'PCHH', 'PUUM', 'PZPA', 'RHZW', 'SKIN', 'SUHH', 'TPTL', 'VDVN', 'WKUM', 'YDYE', 'YUCS', 'ZRCD']
FundingSourceType = Literal['municipality', 'partner_municipality', 'eu', 'national_government', 'nordic', 'foundation', 'private', 'other']
InternationalWorkKind = Literal['membership', 'project_cooperation', 'twinning', 'city_exchange', 'monitoring', 'networking_business']
PartnerLevel = Literal['municipality', 'city', 'district', 'county', 'region', 'consortium']
PartnershipStatus = Literal['active', 'paused', 'ended', 'unknown']
ProgrammeCode = Literal['erasmus_plus', 'nordplus', 'interreg', 'athena', 'cerv', 'atlas', 'icld_partnership', 'horizon_europe', 'creative_europe', 'other']
ServiceCode = Literal['belysning', 'parkskotsel', 'parkbankar', 'klotter', 'busskurer', 'skyltning', 'farthinder', 'cykelstall']
StatMeasure = Literal['international_activities', 'external_funding']
Unit = Union[Literal['count'], CurrencyCode]


_ContactDictOptional = TypedDict(
    '_ContactDictOptional',
    {
        'name': 'str',
        'email': 'str',
        'phone': 'str',
    }, total=False,
)



class ContactDict(_ContactDictOptional):
    'How to reach the person who wrote in. Every field is personal data; the whole struct can be dropped to make a publishable copy. Leave it out for an anonymous submission (the default).'


_DatasetDictRequired = TypedDict(
    '_DatasetDictRequired',
    {
        'municipality': 'MunicipalityDict',
    },
)

_DatasetDictOptional = TypedDict(
    '_DatasetDictOptional',
    {
        '$schema': 'str',
        'partnerships': 'List[PartnershipDict]',
        'projects': 'List[ProjectDict]',
        'memberships': 'List[MembershipDict]',
        'statistics': 'List[ObservationDict]',
        'sources': 'List[SourceDict]',
    }, total=False,
)



class DatasetDict(_DatasetDictRequired, _DatasetDictOptional):
    "A municipality's register of international work: the municipality, its partnerships, projects, memberships and yearly figures."


_FaultReportDictRequired = TypedDict(
    '_FaultReportDictRequired',
    {
        'service_code': 'ServiceCode',
        'submitted_at': 'str',
    },
)

_FaultReportDictOptional = TypedDict(
    '_FaultReportDictOptional',
    {
        '$schema': 'str',
        'id': 'str',
        'jurisdiction_id': 'str',
        'description': 'str',
        'lat': 'float',
        'long': 'float',
        'address_string': 'str',
        'address_id': 'str',
        'media_urls': 'List[str]',
        'contact': 'ContactDict',
        'status': 'FaultReportStatus',
    }, total=False,
)



class FaultReportDict(_FaultReportDictRequired, _FaultReportDictOptional):
    'A report that something in public space is broken (Open311 GeoReport v2 `ServiceRequest`; field names follow Open311 where it has them).'


_FeedbackDictRequired = TypedDict(
    '_FeedbackDictRequired',
    {
        'category': 'FeedbackCategory',
        'description': 'str',
        'channel': 'Channel',
        'submitted_at': 'str',
    },
)

_FeedbackDictOptional = TypedDict(
    '_FeedbackDictOptional',
    {
        '$schema': 'str',
        'id': 'str',
        'concerns_unit': 'str',
        'contact': 'ContactDict',
        'wants_reply': 'bool',
        'status': 'FeedbackStatus',
    }, total=False,
)



class FeedbackDict(_FeedbackDictRequired, _FeedbackDictOptional):
    'One piece of feedback sent to the municipality ("Tyck till").'


_FundingSourceDictRequired = TypedDict(
    '_FundingSourceDictRequired',
    {
        'type': 'FundingSourceType',
    },
)

_FundingSourceDictOptional = TypedDict(
    '_FundingSourceDictOptional',
    {
        'name': 'str',
    }, total=False,
)



class FundingSourceDict(_FundingSourceDictRequired, _FundingSourceDictOptional):
    'One source of funding.'


_LocalizedTextDictRequired = TypedDict(
    '_LocalizedTextDictRequired',
    {
        'sv': 'str',
    },
)

_LocalizedTextDictOptional = TypedDict(
    '_LocalizedTextDictOptional',
    {
        'en': 'str',
    }, total=False,
)



class LocalizedTextDict(_LocalizedTextDictRequired, _LocalizedTextDictOptional):
    'A text in Swedish, optionally also in English.'


_MembershipDictRequired = TypedDict(
    '_MembershipDictRequired',
    {
        'id': 'str',
        'organisation': 'str',
    },
)

_MembershipDictOptional = TypedDict(
    '_MembershipDictOptional',
    {
        'website': 'str',
        'start': 'str',
        'end': 'str',
    }, total=False,
)



class MembershipDict(_MembershipDictRequired, _MembershipDictOptional):
    'Membership of an international organisation or network.'


_MoneyDictRequired = TypedDict(
    '_MoneyDictRequired',
    {
        'amount': 'str',
        'currency': 'CurrencyCode',
    },
)



class MoneyDict(_MoneyDictRequired):
    'An amount of money in a currency.'


_MunicipalityDictRequired = TypedDict(
    '_MunicipalityDictRequired',
    {
        'id': 'str',
        'name': 'LocalizedTextDict',
        'municipality_code': 'str',
    },
)

_MunicipalityDictOptional = TypedDict(
    '_MunicipalityDictOptional',
    {
        '$schema': 'str',
        'organisation_number': 'str',
        'address': 'PostalAddressDict',
        'phone': 'str',
        'fax': 'str',
        'email': 'str',
        'website': 'str',
        'units': 'List[OrgUnitDict]',
        'kinds_of_work': 'List[InternationalWorkKind]',
    }, total=False,
)



class MunicipalityDict(_MunicipalityDictRequired, _MunicipalityDictOptional):
    'A Swedish municipality (*kommun*) and its contact details.'


_ObservationDictRequired = TypedDict(
    '_ObservationDictRequired',
    {
        'period': 'str',
        'measure': 'StatMeasure',
        'value': 'str',
        'unit': 'Unit',
    },
)

_ObservationDictOptional = TypedDict(
    '_ObservationDictOptional',
    {
        '$schema': 'str',
        'approximate': 'bool',
        'source': 'SourceDict',
    }, total=False,
)



class ObservationDict(_ObservationDictRequired, _ObservationDictOptional):
    'One figure: what was measured, for which period, in what unit.'


_OrgUnitDictRequired = TypedDict(
    '_OrgUnitDictRequired',
    {
        'id': 'str',
        'name': 'str',
    },
)



class OrgUnitDict(_OrgUnitDictRequired):
    'An organisational unit of the municipality (a *förvaltning*, school or service).'


_PartnerBodyDictRequired = TypedDict(
    '_PartnerBodyDictRequired',
    {
        'name': 'LocalizedTextDict',
        'level': 'PartnerLevel',
    },
)

_PartnerBodyDictOptional = TypedDict(
    '_PartnerBodyDictOptional',
    {
        'former_names': 'List[str]',
        'country': 'CountryCode',
        'former_country': 'FormerCountry',
        'subdivision': 'str',
        'wikidata': 'str',
        'part_of': 'PartnerBodyDict',
    }, total=False,
)



class PartnerBodyDict(_PartnerBodyDictRequired, _PartnerBodyDictOptional):
    'The body the municipality has an agreement with.'


_PartnershipDictRequired = TypedDict(
    '_PartnershipDictRequired',
    {
        'id': 'str',
        'partner': 'PartnerBodyDict',
        'agreement_type': 'AgreementType',
    },
)

_PartnershipDictOptional = TypedDict(
    '_PartnershipDictOptional',
    {
        '$schema': 'str',
        'other_parties': 'List[PartnerBodyDict]',
        'areas': 'List[CooperationArea]',
        'funding': 'List[FundingSourceDict]',
        'start': 'str',
        'renewals': 'List[str]',
        'planned_end': 'str',
        'end': 'str',
        'end_reason': 'str',
        'status': 'PartnershipStatus',
        'notes': 'str',
        'sources': 'List[SourceDict]',
    }, total=False,
)



class PartnershipDict(_PartnershipDictRequired, _PartnershipDictOptional):
    'An agreement between the municipality and a partner: a twin town, an industrial partnership or another cooperation.'


_PostalAddressDictRequired = TypedDict(
    '_PostalAddressDictRequired',
    {
        'street_address': 'str',
        'postal_code': 'str',
        'locality': 'str',
        'country': 'CountryCode',
    },
)



class PostalAddressDict(_PostalAddressDictRequired):
    'A postal address (schema.org `PostalAddress`).'


_ProjectDictRequired = TypedDict(
    '_ProjectDictRequired',
    {
        'id': 'str',
        'title': 'LocalizedTextDict',
        'status': 'ActivityStatus',
    },
)

_ProjectDictOptional = TypedDict(
    '_ProjectDictOptional',
    {
        '$schema': 'str',
        'acronym': 'str',
        'description': 'str',
        'departments': 'List[str]',
        'participating_countries': 'List[CountryCode]',
        'programme': 'ProgrammeCode',
        'funder_type': 'FundingSourceType',
        'start': 'str',
        'end': 'str',
        'grant': 'MoneyDict',
        'areas': 'List[CooperationArea]',
        'website': 'str',
    }, total=False,
)



class ProjectDict(_ProjectDictRequired, _ProjectDictOptional):
    'An international project of the municipality.'


_SourceDictRequired = TypedDict(
    '_SourceDictRequired',
    {
        'url': 'str',
    },
)

_SourceDictOptional = TypedDict(
    '_SourceDictOptional',
    {
        'retrieved': 'str',
        'note': 'str',
    }, total=False,
)



class SourceDict(_SourceDictRequired, _SourceDictOptional):
    'Where a fact comes from.'
