"""Typed, validated data for a Swedish municipality's international work.

Validate a document and read every issue, in Swedish or English::

    import pathlib
    import kommun_intl

    report = kommun_intl.validate(pathlib.Path("examples/lidkoping.json"))
    for issue in report:
        print(issue.line, issue.code, issue.message("sv"))

Or load it as a typed object, which raises :class:`ValidationError` (a ``ValueError``
carrying the report) on any error::

    dataset = kommun_intl.load(pathlib.Path("examples/lidkoping.json"))

Everything here comes from the Rust core: the rules, their messages, the code lists and the
JSON Schemas.
"""

from kommun_intl._native import (
    Dataset,
    FaultReport,
    Feedback,
    Issue,
    KindNotDetectedError,
    KommunIntlError,
    Municipality,
    Observation,
    Partnership,
    Profile,
    Project,
    Proposal,
    Report,
    Rule,
    UnknownKindError,
    ValidationError,
    __version__,
    code_lists,
    fix,
    kinds,
    label,
    load,
    mask,
    rule,
    rules,
    schema,
    schemas,
    validate,
    validate_many,
)

__all__ = [
    "Dataset",
    "FaultReport",
    "Feedback",
    "Issue",
    "KindNotDetectedError",
    "KommunIntlError",
    "Municipality",
    "Observation",
    "Partnership",
    "Profile",
    "Project",
    "Proposal",
    "Report",
    "Rule",
    "UnknownKindError",
    "ValidationError",
    "__version__",
    "code_lists",
    "fix",
    "kinds",
    "label",
    "load",
    "mask",
    "rule",
    "rules",
    "schema",
    "schemas",
    "validate",
    "validate_many",
]
