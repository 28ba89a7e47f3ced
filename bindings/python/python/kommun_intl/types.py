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
    'AnswerValue',
    'AppStore',
    'AttributeType',
    'Channel',
    'ContactField',
    'CooperationArea',
    'CountOf',
    'CountryCode',
    'CurrencyCode',
    'DecisionKind',
    'DecisionOutcome',
    'FaultReportStatus',
    'FeedbackCategory',
    'FeedbackStatus',
    'FormerCountry',
    'FundingSourceType',
    'GrantKind',
    'HandlingStep',
    'IdScheme',
    'InternationalWorkKind',
    'LocalPartyKind',
    'NameKind',
    'NetworkKind',
    'OrganisationKind',
    'PartnerLevel',
    'PartnershipStatus',
    'PhaseKind',
    'ProgrammeCode',
    'ProjectRole',
    'ProposalKind',
    'ProposalStatus',
    'ServiceType',
    'StatMeasure',
    'SuccessionKind',
    'Unit',
    'AgreementDocumentDict',
    'AlternativeDict',
    'AsWrittenDict',
    'AttributeAnswerDict',
    'AttributeValueDict',
    'BudgetDict',
    'CategoryInUseDict',
    'ContactDict',
    'DatasetDict',
    'DecisionDict',
    'DetailedStatusDict',
    'ExtendedAttributesDict',
    'ExtensionDict',
    'ExternalIdDict',
    'FaultReportDict',
    'FeedbackDict',
    'FeedbackSchemeDict',
    'FundingSourceDict',
    'GrantDict',
    'LocalPartyDict',
    'LocalizedTextDict',
    'MembershipDict',
    'MoneyDict',
    'MoneyValueDict',
    'MunicipalityDict',
    'NetworkDict',
    'ObservationDict',
    'OrgUnitDict',
    'OrganisationDict',
    'PartnerBodyDict',
    'PartnershipDict',
    'PhaseDict',
    'PlaceNameDict',
    'PostalAddressDict',
    'ProfileDict',
    'ProgrammeDict',
    'ProjectDict',
    'ProposalDict',
    'ProposalSchemeDict',
    'ResponseTimeDict',
    'SchemeCategoryDict',
    'SchemeChannelDict',
    'SchemeCountDict',
    'SchemeHandlingDict',
    'ServiceDict',
    'ServiceAttributeDict',
    'SourceDict',
    'StatedAgeDict',
    'StatedCountDict',
    'SuccessionDict',
    'CellDict',
    'CodeEntry',
    'DateArg',
    'IssueDict',
    'Kind',
    'Lang',
    'RecordDict',
    'ReportDict',
    'Source',
]


Lang = Literal["sv", "en"]
"""A language of the messages and labels."""

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


class CellDict(TypedDict):
    """Where a value of a register read from a spreadsheet is (``IssueDict.cell``)."""

    ref: str
    sheet: str
    cell: str
    header: str


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
    url: str
    """The rule's page on the documentation site."""
    cell: Union[CellDict, None]


class RecordDict(TypedDict):
    """One issue of ``Report.to_records()``: a flat record for csv or a data frame."""

    file: Union[str, None]
    sheet: Union[str, None]
    cell: Union[str, None]
    header: Union[str, None]
    pointer: str
    line: Union[int, None]
    column: Union[int, None]
    code: str
    severity: Literal["error", "warning"]
    message: str


class ReportDict(TypedDict):
    """``Report.to_dict()``, as the CLI's JSON output writes one file."""

    kind: Union["Kind", None]
    valid: bool
    issues: List[IssueDict]
    truncated: int


Kind = Literal['dataset', 'municipality', 'partnership', 'project', 'observation', 'feedback', 'fault-report', 'proposal', 'profile']
"""A document kind, as ``kinds()`` lists them."""

ActivityStatus = Literal['pipeline', 'implementation', 'completion', 'post_completion', 'cancelled', 'suspended']
AgreementType = Literal['twinning', 'industrial_partnership', 'cooperation', 'friendship', 'municipal_partnership']
AppStore = Literal['apple', 'google', 'microsoft']
AttributeType = Literal['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']
Channel = Literal['web', 'email', 'phone', 'letter', 'visit', 'app', 'sms', 'fax', 'social_media', 'third_party']
ContactField = Literal['name', 'email', 'phone', 'address']
CooperationArea = Literal['education', 'school_exchange', 'elderly_disability_care', 'social_care', 'culture', 'sport', 'environment', 'tourism', 'business', 'business_development', 'trade_small_industry', 'technology', 'health', 'youth_exchange', 'civil_society', 'democracy', 'public_administration', 'urban_planning', 'water_waste', 'climate_energy', 'transport', 'equality_rights', 'inclusion', 'labour', 'digitalisation', 'safety', 'aid', 'other']
CountOf = Literal['partnerships', 'partner_countries', 'projects', 'organisations', 'participants', 'subprojects', 'members']
CountryCode = str
CurrencyCode = str
DecisionKind = Literal['establish', 'renew', 'pause', 'resume', 'end', 'review', 'proposal', 'policy', 'funding', 'other']
DecisionOutcome = Literal['adopted', 'rejected', 'answered', 'pending', 'withdrawn']
FaultReportStatus = Literal['open', 'closed']
FeedbackCategory = Literal['praise', 'question', 'suggestion', 'complaint', 'view', 'fault_report', 'other']
FeedbackStatus = Literal['received', 'assigned', 'answered', 'closed']
FormerCountry = Literal['AIDJ', 'ANHH', 'BQAQ', 'BUMM', 'BYAA', 'CSHH', 'CSXX', 'CTKI', 'DDDE', 'DYBJ', 'FQHH', 'FXFR', 'GEHH', 'HVBF', 'JTUM', 'MIUM', 'NHVU', 'NQAQ', 'NTHH', 'PCHH', 'PUUM', 'PZPA', 'RHZW', 'SKIN', 'SUHH', 'TPTL', 'VDVN', 'WKUM', 'YDYE', 'YUCS', 'ZRCD']
FundingSourceType = Literal['municipality', 'partner_municipality', 'eu', 'national_government', 'nordic', 'foundation', 'private', 'other']
GrantKind = Literal['grant', 'cofinancing']
HandlingStep = Literal['acknowledgement', 'answer', 'decision']
IdScheme = Literal['cordis', 'keep_eu', 'erasmus_plus', 'nordplus', 'icld', 'project_bank', 'diary', 'other']
InternationalWorkKind = Literal['membership', 'project_cooperation', 'twinning', 'city_exchange', 'monitoring', 'networking_business']
LocalPartyKind = Literal['school', 'association', 'unit', 'company', 'politicians', 'residents', 'other']
NameKind = Literal['official', 'local', 'swedish', 'english', 'former', 'variant']
NetworkKind = Literal['ring', 'chain', 'multilateral', 'association', 'other']
OrganisationKind = Literal['municipality', 'region', 'agency', 'university', 'school', 'company', 'ngo', 'other']
PartnerLevel = Literal['municipality', 'city', 'district', 'county', 'region', 'consortium']
PartnershipStatus = Literal['active', 'dormant', 'paused', 'terminating', 'ended', 'uncertain', 'unknown']
PhaseKind = Literal['preparation', 'implementation', 'governance', 'extension', 'evaluation', 'event', 'other']
ProgrammeCode = Literal['erasmus_plus', 'comenius', 'leonardo_da_vinci', 'grundtvig', 'youth_in_action', 'nordplus', 'interreg_a', 'interreg_b', 'interreg_c', 'interreg', 'urbact', 'urban_innovative_actions', 'erdf', 'esf', 'esf_plus', 'horizon_2020', 'horizon_europe', 'framework_programme', 'creative_europe', 'life', 'cerv', 'europe_for_citizens', 'athena', 'atlas', 'icld_partnership', 'other']
ProjectRole = Literal['coordinator', 'national_coordinator', 'partner', 'associated_partner', 'lighthouse_city', 'follower_city', 'other']
ProposalKind = Literal['citizen_proposal', 'e_proposal', 'initiative', 'other']
ProposalStatus = Literal['received', 'collecting_support', 'referred', 'decided', 'not_handled', 'withdrawn']
ServiceType = Literal['realtime', 'batch', 'blackbox']
StatMeasure = Literal['international_activities', 'external_funding']
SuccessionKind = Literal['merger', 'rename', 'split']
AnswerValue = Union[str, List[str]]
Unit = Union[Literal['count'], CurrencyCode]


_AgreementDocumentDictOptional = TypedDict(
    '_AgreementDocumentDictOptional',
    {
        'title': 'str',
        'signed': 'str',
        'url': 'str',
        'term': 'str',
    }, total=False,
)



class AgreementDocumentDict(_AgreementDocumentDictOptional):
    'The written agreement behind a partnership.'


_AlternativeDictRequired = TypedDict(
    '_AlternativeDictRequired',
    {
        'at': 'str',
        'value': 'Any',
    },
)

_AlternativeDictOptional = TypedDict(
    '_AlternativeDictOptional',
    {
        'source': 'SourceDict',
        'note': 'str',
    }, total=False,
)



class AlternativeDict(_AlternativeDictRequired, _AlternativeDictOptional):
    'A value that another source gives for a fact of the record, where the sources disagree: the record holds the value chosen, and each alternative keeps the other value with where it comes from (the claim-with-reference pattern of Wikidata).'


_AsWrittenDictRequired = TypedDict(
    '_AsWrittenDictRequired',
    {
        'at': 'str',
        'text': 'str',
    },
)

_AsWrittenDictOptional = TypedDict(
    '_AsWrittenDictOptional',
    {
        'lang': 'str',
    }, total=False,
)



class AsWrittenDict(_AsWrittenDictRequired, _AsWrittenDictOptional):
    "The source's own words for a value of the record (`vänort` for an agreement, `sedan 1970-talet` for a start, `Tyskland` for a country): kept beside the code or date that stands for them, so that nothing the source says is forced into a word that says more."


_AttributeAnswerDictRequired = TypedDict(
    '_AttributeAnswerDictRequired',
    {
        'code': 'str',
        'value': 'AnswerValue',
    },
)



class AttributeAnswerDict(_AttributeAnswerDictRequired):
    "An answer to a question of the service's definition (Open311 `attribute[CODE]`)."


_AttributeValueDictRequired = TypedDict(
    '_AttributeValueDictRequired',
    {
        'key': 'str',
        'name': 'str',
    },
)



class AttributeValueDict(_AttributeValueDictRequired):
    'One value an Open311 list attribute allows.'


_BudgetDictOptional = TypedDict(
    '_BudgetDictOptional',
    {
        'total': 'MoneyDict',
        'grants': 'List[GrantDict]',
        'own_share': 'MoneyDict',
        'own_share_in_kind': 'bool',
    }, total=False,
)



class BudgetDict(_BudgetDictOptional):
    "A project's budget: the total, each funder's contribution, the municipality's own share. Every amount may be approximate, and may be stated in a second currency as well."


_CategoryInUseDictRequired = TypedDict(
    '_CategoryInUseDictRequired',
    {
        'code': 'FeedbackCategory',
    },
)

_CategoryInUseDictOptional = TypedDict(
    '_CategoryInUseDictOptional',
    {
        'label': 'str',
    }, total=False,
)



class CategoryInUseDict(_CategoryInUseDictRequired, _CategoryInUseDictOptional):
    'A feedback category a municipality offers, with its own name for it.'


_ContactDictOptional = TypedDict(
    '_ContactDictOptional',
    {
        'name': 'str',
        'first_name': 'str',
        'last_name': 'str',
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
        'networks': 'List[NetworkDict]',
        'feedback_schemes': 'List[FeedbackSchemeDict]',
        'decisions': 'List[DecisionDict]',
        'counts_stated': 'List[StatedCountDict]',
        'notes': 'str',
        'sources': 'List[SourceDict]',
    }, total=False,
)



class DatasetDict(_DatasetDictRequired, _DatasetDictOptional):
    "A municipality's register of international work: the municipality, its partnerships, projects, memberships and yearly figures."


_DecisionDictOptional = TypedDict(
    '_DecisionDictOptional',
    {
        'kind': 'DecisionKind',
        'phase': 'PhaseKind',
        'outcome': 'DecisionOutcome',
        'body': 'str',
        'date': 'str',
        'reference': 'str',
        'summary': 'str',
        'reason': 'str',
        'url': 'str',
    }, total=False,
)



class DecisionDict(_DecisionDictOptional):
    'A decision (or a proposal) behind a record or its status: who, when, with what reference.'


_DetailedStatusDictRequired = TypedDict(
    '_DetailedStatusDictRequired',
    {
        'code': 'str',
        'open311': 'FaultReportStatus',
    },
)

_DetailedStatusDictOptional = TypedDict(
    '_DetailedStatusDictOptional',
    {
        'label': 'LocalizedTextDict',
    }, total=False,
)



class DetailedStatusDict(_DetailedStatusDictRequired, _DetailedStatusDictOptional):
    "A detailed status a municipality's system uses (`acknowledged`, `in_progress`, `duplicate`), with the Open311 status it stands under."




class ExtendedAttributesDict(TypedDict):
    'Members a server adds beyond the spec (Open311 `extended_attributes`), kept as found.'


_ExtensionDictOptional = TypedDict(
    '_ExtensionDictOptional',
    {
        'original_end': 'str',
        'reason': 'str',
    }, total=False,
)



class ExtensionDict(_ExtensionDictOptional):
    "A change to a project's planned end."


_ExternalIdDictRequired = TypedDict(
    '_ExternalIdDictRequired',
    {
        'scheme': 'IdScheme',
        'id': 'str',
    },
)

_ExternalIdDictOptional = TypedDict(
    '_ExternalIdDictOptional',
    {
        'scheme_name': 'str',
    }, total=False,
)



class ExternalIdDict(_ExternalIdDictRequired, _ExternalIdDictOptional):
    "The project's id in a programme database."


_FaultReportDictRequired = TypedDict(
    '_FaultReportDictRequired',
    {
        'service_code': 'str',
    },
)

_FaultReportDictOptional = TypedDict(
    '_FaultReportDictOptional',
    {
        '$schema': 'str',
        'service_request_id': 'str',
        'token': 'str',
        'jurisdiction_id': 'str',
        'service_name': 'str',
        'title': 'str',
        'description': 'str',
        'lat': 'float',
        'long': 'float',
        'address': 'str',
        'address_id': 'str',
        'zipcode': 'str',
        'media_url': 'str',
        'requested_datetime': 'str',
        'updated_datetime': 'str',
        'expected_datetime': 'str',
        'status': 'FaultReportStatus',
        'detailed_status': 'str',
        'status_notes': 'str',
        'agency_responsible': 'str',
        'service_notice': 'str',
        'contact': 'ContactDict',
        'device_id': 'str',
        'account_id': 'str',
        'attributes': 'List[AttributeAnswerDict]',
        'extended_attributes': 'ExtendedAttributesDict',
    }, total=False,
)



class FaultReportDict(_FaultReportDictRequired, _FaultReportDictOptional):
    "A report that something in public space is broken: an Open311 GeoReport v2 service request, field for field (see the README's Open311 table). What the person sent (`description`, `title`, answers, contact, device and account) is personal data."


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
        'service': 'str',
        'contact': 'ContactDict',
        'wants_reply': 'bool',
        'status': 'FeedbackStatus',
    }, total=False,
)



class FeedbackDict(_FeedbackDictRequired, _FeedbackDictOptional):
    'One piece of feedback sent to the municipality ("Tyck till").'


_FeedbackSchemeDictRequired = TypedDict(
    '_FeedbackSchemeDictRequired',
    {
        'id': 'str',
    },
)

_FeedbackSchemeDictOptional = TypedDict(
    '_FeedbackSchemeDictOptional',
    {
        'name': 'str',
        'url': 'str',
        'categories': 'List[SchemeCategoryDict]',
        'channels': 'List[SchemeChannelDict]',
        'system': 'str',
        'anonymous': 'bool',
        'reply': 'bool',
        'contact_fields': 'List[ContactField]',
        'form_fields': 'List[str]',
        'forms': 'List[str]',
        'unit_choice': 'bool',
        'attachments': 'bool',
        'location': 'bool',
        'response_times': 'List[ResponseTimeDict]',
        'handling': 'SchemeHandlingDict',
        'excluded': 'List[str]',
        'rules': 'List[str]',
        'legal_basis': 'List[str]',
        'proposals': 'List[ProposalSchemeDict]',
        'start': 'str',
        'rules_valid_from': 'str',
        'statistics': 'List[SchemeCountDict]',
        'as_written': 'List[AsWrittenDict]',
        'alternatives': 'List[AlternativeDict]',
        'notes': 'str',
        'sources': 'List[SourceDict]',
    }, total=False,
)



class FeedbackSchemeDict(_FeedbackSchemeDictRequired, _FeedbackSchemeDictOptional):
    'A municipality\'s e-service for feedback ("Synpunkter och klagomål", "Tyck till"): the categories and channels it offers, what it asks for, what it promises and how it handles what arrives. A register can carry it, as it carries its units, so that the feedback it receives can be checked against what it offers.'


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


_GrantDictOptional = TypedDict(
    '_GrantDictOptional',
    {
        'funder': 'FundingSourceDict',
        'kind': 'GrantKind',
        'amount': 'MoneyDict',
    }, total=False,
)



class GrantDict(_GrantDictOptional):
    "One funder's contribution to a project."


_LocalPartyDictOptional = TypedDict(
    '_LocalPartyDictOptional',
    {
        'name': 'str',
        'kind': 'LocalPartyKind',
    }, total=False,
)



class LocalPartyDict(_LocalPartyDictOptional):
    "A party on the municipality's side that takes part in the partnership."


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

_MoneyDictOptional = TypedDict(
    '_MoneyDictOptional',
    {
        'approximate': 'bool',
        'also': 'List[MoneyValueDict]',
    }, total=False,
)



class MoneyDict(_MoneyDictRequired, _MoneyDictOptional):
    'An amount of money in a currency, as a source states it: exact, or approximate ("cirka 2 miljoner kronor"), and perhaps given in a second currency too ("25 miljoner euro (ca 230 miljoner kronor)"), each kept as stated.'


_MoneyValueDictRequired = TypedDict(
    '_MoneyValueDictRequired',
    {
        'amount': 'str',
        'currency': 'CurrencyCode',
    },
)

_MoneyValueDictOptional = TypedDict(
    '_MoneyValueDictOptional',
    {
        'approximate': 'bool',
    }, total=False,
)



class MoneyValueDict(_MoneyValueDictRequired, _MoneyValueDictOptional):
    'An amount in a currency, as a source also states an amount (see [`Money::also`]).'


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
        'wikidata': 'str',
        'units': 'List[OrgUnitDict]',
        'kinds_of_work': 'List[InternationalWorkKind]',
    }, total=False,
)



class MunicipalityDict(_MunicipalityDictRequired, _MunicipalityDictOptional):
    'A Swedish municipality (*kommun*) and its contact details.'


_NetworkDictRequired = TypedDict(
    '_NetworkDictRequired',
    {
        'id': 'str',
    },
)

_NetworkDictOptional = TypedDict(
    '_NetworkDictOptional',
    {
        'name': 'LocalizedTextDict',
        'kind': 'NetworkKind',
        'members': 'List[PartnerBodyDict]',
        'countries': 'List[CountryCode]',
        'presidency': 'str',
        'website': 'str',
        'start': 'str',
        'end': 'str',
        'as_written': 'List[AsWrittenDict]',
        'alternatives': 'List[AlternativeDict]',
        'notes': 'str',
        'sources': 'List[SourceDict]',
    }, total=False,
)



class NetworkDict(_NetworkDictRequired, _NetworkDictOptional):
    'A network, ring or chain of municipalities.'


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


_OrganisationDictOptional = TypedDict(
    '_OrganisationDictOptional',
    {
        'name': 'str',
        'role': 'ProjectRole',
        'kind': 'OrganisationKind',
        'country': 'CountryCode',
        'municipality_code': 'str',
        'amount': 'MoneyDict',
    }, total=False,
)



class OrganisationDict(_OrganisationDictOptional):
    'An organisation taking part in a project.'


_PartnerBodyDictOptional = TypedDict(
    '_PartnerBodyDictOptional',
    {
        'name': 'LocalizedTextDict',
        'names': 'List[PlaceNameDict]',
        'level': 'PartnerLevel',
        'country': 'CountryCode',
        'former_country': 'FormerCountry',
        'subdivision': 'str',
        'former_subdivision': 'str',
        'wikidata': 'str',
        'website': 'str',
        'part_of': 'PartnerBodyDict',
        'succeeded_by': 'SuccessionDict',
    }, total=False,
)



class PartnerBodyDict(_PartnerBodyDictOptional):
    'The body the municipality has an agreement with.'


_PartnershipDictRequired = TypedDict(
    '_PartnershipDictRequired',
    {
        'id': 'str',
        'partner': 'PartnerBodyDict',
    },
)

_PartnershipDictOptional = TypedDict(
    '_PartnershipDictOptional',
    {
        '$schema': 'str',
        'other_parties': 'List[PartnerBodyDict]',
        'agreement_type': 'AgreementType',
        'areas': 'List[CooperationArea]',
        'funding': 'List[FundingSourceDict]',
        'programme': 'ProgrammeDict',
        'local_parties': 'List[LocalPartyDict]',
        'responsible': 'str',
        'agreement': 'AgreementDocumentDict',
        'first_contact': 'str',
        'start': 'str',
        'stated_age': 'StatedAgeDict',
        'renewals': 'List[str]',
        'phases': 'List[PhaseDict]',
        'planned_end': 'str',
        'end': 'str',
        'end_reason': 'str',
        'status': 'PartnershipStatus',
        'status_date': 'str',
        'decisions': 'List[DecisionDict]',
        'network': 'str',
        'replaces': 'List[str]',
        'as_written': 'List[AsWrittenDict]',
        'alternatives': 'List[AlternativeDict]',
        'notes': 'str',
        'sources': 'List[SourceDict]',
    }, total=False,
)



class PartnershipDict(_PartnershipDictRequired, _PartnershipDictOptional):
    'An agreement between the municipality and a partner: a twin town, an industrial partnership or another cooperation. Only the partner is required: registers often do not know the kind of agreement, its status or its dates, and what a source does not say stays out.'


_PhaseDictOptional = TypedDict(
    '_PhaseDictOptional',
    {
        'kind': 'PhaseKind',
        'name': 'str',
        'start': 'str',
        'end': 'str',
    }, total=False,
)



class PhaseDict(_PhaseDictOptional):
    'A phase of a partnership or project, or one dated event in it.'


_PlaceNameDictRequired = TypedDict(
    '_PlaceNameDictRequired',
    {
        'name': 'str',
    },
)

_PlaceNameDictOptional = TypedDict(
    '_PlaceNameDictOptional',
    {
        'lang': 'str',
        'kind': 'NameKind',
        'from': 'str',
        'until': 'str',
    }, total=False,
)



class PlaceNameDict(_PlaceNameDictRequired, _PlaceNameDictOptional):
    'One name of a place or body, with its language and kind.'


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


_ProfileDictRequired = TypedDict(
    '_ProfileDictRequired',
    {
        'id': 'str',
        'services': 'List[ServiceDict]',
    },
)

_ProfileDictOptional = TypedDict(
    '_ProfileDictOptional',
    {
        '$schema': 'str',
        'name': 'LocalizedTextDict',
        'municipality_code': 'str',
        'jurisdiction_id': 'str',
        'country': 'CountryCode',
        'time_zone': 'str',
        'feedback_categories': 'List[CategoryInUseDict]',
        'channels': 'List[Channel]',
        'units': 'List[OrgUnitDict]',
        'statuses': 'List[DetailedStatusDict]',
        'sources': 'List[SourceDict]',
    }, total=False,
)



class ProfileDict(_ProfileDictRequired, _ProfileDictOptional):
    "A municipality's code lists: see the module docs."


_ProgrammeDictRequired = TypedDict(
    '_ProgrammeDictRequired',
    {
        'code': 'ProgrammeCode',
    },
)

_ProgrammeDictOptional = TypedDict(
    '_ProgrammeDictOptional',
    {
        'name': 'str',
        'strand': 'str',
        'period': 'str',
        'priority': 'str',
        'action': 'str',
        'call': 'str',
        'managing_authority': 'str',
    }, total=False,
)



class ProgrammeDict(_ProgrammeDictRequired, _ProgrammeDictOptional):
    "The programme a project (or a partnership) is funded under: the code, and what the programme's own documents call it."


_ProjectDictRequired = TypedDict(
    '_ProjectDictRequired',
    {
        'id': 'str',
    },
)

_ProjectDictOptional = TypedDict(
    '_ProjectDictOptional',
    {
        '$schema': 'str',
        'title': 'LocalizedTextDict',
        'acronym': 'str',
        'description': 'str',
        'departments': 'List[str]',
        'own_role': 'ProjectRole',
        'organisations': 'List[OrganisationDict]',
        'participating_countries': 'List[CountryCode]',
        'programme': 'ProgrammeDict',
        'funders': 'List[FundingSourceDict]',
        'budget': 'BudgetDict',
        'external_ids': 'List[ExternalIdDict]',
        'status': 'ActivityStatus',
        'start': 'str',
        'end': 'str',
        'duration': 'str',
        'extension': 'ExtensionDict',
        'phases': 'List[PhaseDict]',
        'decisions': 'List[DecisionDict]',
        'follows': 'List[str]',
        'networks': 'List[str]',
        'partnership': 'str',
        'areas': 'List[CooperationArea]',
        'locations': 'List[str]',
        'results': 'List[str]',
        'counts_stated': 'List[StatedCountDict]',
        'website': 'str',
        'as_written': 'List[AsWrittenDict]',
        'alternatives': 'List[AlternativeDict]',
        'notes': 'str',
        'sources': 'List[SourceDict]',
    }, total=False,
)



class ProjectDict(_ProjectDictRequired, _ProjectDictOptional):
    'An international project of the municipality, as programme databases describe one. Only the id is required: real records often lack a title (an ICLD decision names the partners and the theme), a status or dates.'


_ProposalDictRequired = TypedDict(
    '_ProposalDictRequired',
    {
        'category': 'ProposalKind',
        'description': 'str',
        'submitted_at': 'str',
    },
)

_ProposalDictOptional = TypedDict(
    '_ProposalDictOptional',
    {
        '$schema': 'str',
        'id': 'str',
        'title': 'str',
        'concerns_unit': 'str',
        'contact': 'ContactDict',
        'supporters': 'int',
        'support_until': 'str',
        'status': 'ProposalStatus',
        'decision': 'DecisionDict',
    }, total=False,
)



class ProposalDict(_ProposalDictRequired, _ProposalDictOptional):
    'A citizen proposal sent to the municipality.'


_ProposalSchemeDictRequired = TypedDict(
    '_ProposalSchemeDictRequired',
    {
        'kind': 'ProposalKind',
    },
)

_ProposalSchemeDictOptional = TypedDict(
    '_ProposalSchemeDictOptional',
    {
        'name': 'str',
        'threshold': 'int',
        'publication': 'str',
        'support': 'bool',
        'eligibility': 'str',
        'anonymous': 'bool',
        'rules': 'List[str]',
        'list_fields': 'List[str]',
        'replaces': 'ProposalKind',
    }, total=False,
)



class ProposalSchemeDict(_ProposalSchemeDictRequired, _ProposalSchemeDictOptional):
    'A kind of citizen proposal an e-service takes, with its rules.'


_ResponseTimeDictRequired = TypedDict(
    '_ResponseTimeDictRequired',
    {
        'within': 'str',
    },
)

_ResponseTimeDictOptional = TypedDict(
    '_ResponseTimeDictOptional',
    {
        'step': 'HandlingStep',
        'working_days': 'bool',
        'applies_to': 'List[FeedbackCategory]',
    }, total=False,
)



class ResponseTimeDict(_ResponseTimeDictRequired, _ResponseTimeDictOptional):
    'A handling time an e-service promises.'


_SchemeCategoryDictRequired = TypedDict(
    '_SchemeCategoryDictRequired',
    {
        'code': 'FeedbackCategory',
    },
)

_SchemeCategoryDictOptional = TypedDict(
    '_SchemeCategoryDictOptional',
    {
        'label': 'str',
        'description': 'str',
    }, total=False,
)



class SchemeCategoryDict(_SchemeCategoryDictRequired, _SchemeCategoryDictOptional):
    'One category an e-service offers, as it names and explains it.'


_SchemeChannelDictRequired = TypedDict(
    '_SchemeChannelDictRequired',
    {
        'code': 'Channel',
    },
)

_SchemeChannelDictOptional = TypedDict(
    '_SchemeChannelDictOptional',
    {
        'service': 'str',
        'app_stores': 'List[AppStore]',
        'hours': 'str',
        'urgent_only': 'bool',
    }, total=False,
)



class SchemeChannelDict(_SchemeChannelDictRequired, _SchemeChannelDictOptional):
    'One way to reach an e-service.'


_SchemeCountDictRequired = TypedDict(
    '_SchemeCountDictRequired',
    {
        'period': 'str',
        'count': 'int',
    },
)

_SchemeCountDictOptional = TypedDict(
    '_SchemeCountDictOptional',
    {
        'category': 'FeedbackCategory',
    }, total=False,
)



class SchemeCountDict(_SchemeCountDictRequired, _SchemeCountDictOptional):
    'A count of submissions an e-service reports (for a year, of a category).'


_SchemeHandlingDictOptional = TypedDict(
    '_SchemeHandlingDictOptional',
    {
        'handler': 'str',
        'delivery': 'str',
        'contractor': 'str',
        'reporting': 'str',
        'moderation': 'str',
        'public_record': 'bool',
        'confidential_possible': 'bool',
        'published': 'bool',
        'data_logged': 'List[str]',
        'on_call': 'bool',
        'appeal': 'str',
    }, total=False,
)



class SchemeHandlingDict(_SchemeHandlingDictOptional):
    "How an e-service's submissions are handled, as the municipality describes it."


_ServiceDictRequired = TypedDict(
    '_ServiceDictRequired',
    {
        'service_code': 'str',
        'service_name': 'str',
    },
)

_ServiceDictOptional = TypedDict(
    '_ServiceDictOptional',
    {
        'service_name_en': 'str',
        'description': 'str',
        'metadata': 'bool',
        'type': 'ServiceType',
        'keywords': 'List[str]',
        'group': 'str',
        'attributes': 'List[ServiceAttributeDict]',
    }, total=False,
)



class ServiceDict(_ServiceDictRequired, _ServiceDictOptional):
    'A service that fault reports go to: one entry of an Open311 service list (GET Service List), with its definition (GET Service Definition) when it has one.'


_ServiceAttributeDictRequired = TypedDict(
    '_ServiceAttributeDictRequired',
    {
        'variable': 'bool',
        'code': 'str',
        'datatype': 'AttributeType',
        'required': 'bool',
    },
)

_ServiceAttributeDictOptional = TypedDict(
    '_ServiceAttributeDictOptional',
    {
        'datatype_description': 'str',
        'order': 'int',
        'description': 'str',
        'values': 'List[AttributeValueDict]',
    }, total=False,
)



class ServiceAttributeDict(_ServiceAttributeDictRequired, _ServiceAttributeDictOptional):
    'An attribute of an Open311 service (GET Service Definition): a question the form asks.'


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


_StatedAgeDictRequired = TypedDict(
    '_StatedAgeDictRequired',
    {
        'years': 'int',
    },
)

_StatedAgeDictOptional = TypedDict(
    '_StatedAgeDictOptional',
    {
        'as_of': 'str',
    }, total=False,
)



class StatedAgeDict(_StatedAgeDictRequired, _StatedAgeDictOptional):
    'An age a source gives for a partnership ("50 år som vänorter") when it gives no date.'


_StatedCountDictRequired = TypedDict(
    '_StatedCountDictRequired',
    {
        'of': 'CountOf',
        'count': 'int',
    },
)

_StatedCountDictOptional = TypedDict(
    '_StatedCountDictOptional',
    {
        'as_of': 'str',
        'provisional': 'bool',
    }, total=False,
)



class StatedCountDict(_StatedCountDictRequired, _StatedCountDictOptional):
    'A count a source states ("Sigtuna kommun har tre vänorter"), whether or not the record lists as many: a register can say it is incomplete.'


_SuccessionDictOptional = TypedDict(
    '_SuccessionDictOptional',
    {
        'kind': 'SuccessionKind',
        'date': 'str',
        'successor': 'PartnerBodyDict',
    }, total=False,
)



class SuccessionDict(_SuccessionDictOptional):
    'What became of a partner body that no longer exists as it was.'
