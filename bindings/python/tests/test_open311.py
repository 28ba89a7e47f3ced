"""kommun_intl.open311: the binding over kommun-intl-open311 (src/open311.rs)."""

from __future__ import annotations

import pathlib

import pytest

import kommun_intl
from kommun_intl import open311

DATA = pathlib.Path(__file__).resolve().parents[3] / "crates" / "kommun-intl-open311" / "tests" / "data"
SF = DATA / "codeforamerica--open311"

XML = """<service_requests><request>
  <service_request_id>2026-0101</service_request_id><status>open, acknowledged</status>
  <service_code>belysning</service_code><address>Skaragatan 8, Lidköping</address>
  <requested_datetime>2026-11-28T09:30:00</requested_datetime>
</request></service_requests>"""


def test_requests_read_as_fault_reports_with_their_warnings() -> None:
    [(value, report)] = open311.read_open311(XML)
    assert value["status"] == "open" and value["detailed_status"] == "acknowledged"
    assert value["requested_datetime"] == "2026-11-28T09:30:00+01:00"
    assert [(i.code, i.pointer, i.line) for i in report] == [
        ("open311.status_packed", "/status", 2),
        ("open311.timestamp_local", "/requested_datetime", 4),
    ]
    assert report.is_valid
    [fault] = open311.from_open311(XML.encode())
    assert isinstance(fault, kommun_intl.FaultReport)
    assert fault.service_code == "belysning"


def test_json_xml_and_form_round_trip() -> None:
    [fault] = open311.from_open311(XML)
    for fmt in ("json", "xml"):
        text = open311.to_open311([fault], format=fmt)
        assert open311.from_open311(text, format=fmt) == [fault]
    form = open311.to_open311([fault], format="form")
    [posted] = open311.from_open311(form.strip(), format="form")
    assert posted.service_code == fault.service_code and posted.address == fault.address


def test_a_service_list_is_a_profile_its_requests_are_checked_against() -> None:
    profile = open311.profile_from_services(SF / "services.xml")
    assert isinstance(profile, kommun_intl.Profile)
    assert len(profile.services) == 36
    reports = open311.from_open311(SF / "service_requests.xml", profile=profile)
    assert [r.service_request_id for r in reports] == ["638344", "638349"]
    # By Lidköping's profile, service 006 is not one of the municipality's.
    with pytest.raises(kommun_intl.ValidationError) as e:
        open311.from_open311(SF / "service_requests.xml")
    assert "fault_report.unknown_service" in [i.code for i in e.value.report]


def test_read_services_gives_the_profile_with_the_warnings_of_the_reading() -> None:
    services = '[{"service_code": "a", "service_name": "A", "key_service": true}]'
    profile, report = open311.read_services(services)
    assert isinstance(profile, kommun_intl.Profile) and isinstance(report, kommun_intl.Report)
    assert [(i.code, i.pointer, i.line) for i in report] == [("open311.field_ignored", "/services/0/key_service", 1)]
    assert report.kind == "profile" and report.is_valid
    assert open311.profile_from_services(services) == profile
    with pytest.raises(kommun_intl.ValidationError) as e:
        open311.read_services('[{"service_code": "a", "metadata": "yes"}]')
    assert "open311.boolean_invalid" in [i.code for i in e.value.report]


def test_country_says_where_the_reports_of_a_service_list_lie() -> None:
    sweden = open311.profile_from_services(SF / "services.xml")
    assert sweden.country is None  # the default: Sweden
    [(_, report), _] = open311.read_open311(SF / "service_requests.xml", profile=sweden)
    assert "fault_report.outside_area" in [i.code for i in report]
    us, _ = open311.read_services(SF / "services.xml", country="us")
    assert us.country == "US" and open311.profile_from_services(SF / "services.xml", country="US") == us
    [(_, report), _] = open311.read_open311(SF / "service_requests.xml", profile=us)
    assert "fault_report.outside_area" not in [i.code for i in report]
    with pytest.raises(ValueError, match="country `USA` is not an ISO 3166-1 alpha-2 code"):
        open311.profile_from_services(SF / "services.xml", country="USA")


def test_a_post_response_is_read_and_written_as_its_own_body() -> None:
    spec = b'[{"service_request_id": 293944, "service_notice": "We will look.", "account_id": null}]'
    [(response, report)] = open311.read_post_response(spec)
    assert response == {"service_request_id": 293944, "service_notice": "We will look."}
    assert report.is_clean
    assert open311.read_post_response(open311.to_post_response([response]))[0][0] == response
    xml = open311.to_post_response([response], format="xml")
    assert "<service_request_id>293944</service_request_id>" in xml
    # XML has only texts: the id comes back as one.
    [(from_xml, _)] = open311.read_post_response(xml, format="xml")
    assert from_xml == {"service_request_id": "293944", "service_notice": "We will look."}
    # A body as text converts too (the published XML, its notice trimmed, to JSON).
    converted = open311.to_post_response(SF / "post_service_request.xml")
    assert '"service_request_id": "293944"' in converted and '"service_notice": "The City' in converted
    [(token, _)] = open311.read_post_response('<service_requests><request><token>t-1</token></request></service_requests>')
    assert token == {"token": "t-1"}


def test_a_post_response_with_an_error_raises_without_echoing_the_account() -> None:
    with pytest.raises(kommun_intl.ValidationError) as e:
        open311.to_post_response([{"service_notice": "x", "account_id": "anna-77"}])
    assert [i.code for i in e.value.report] == ["open311.response_without_id"]
    assert "anna" not in str(e.value)
    with pytest.raises(kommun_intl.ValidationError) as e:
        open311.to_post_response([{"token": "t", "account_id": ["anna"]}])
    assert [(i.code, i.pointer) for i in e.value.report] == [("open311.value_type", "/account_id")]
    assert "anna" not in str(e.value)
    with pytest.raises(ValueError, match="a POST response has no form"):
        open311.to_post_response([{"token": "t"}], format="form")  # type: ignore[arg-type]


def test_documents_that_cannot_be_read_raise_with_the_issue() -> None:
    with pytest.raises(kommun_intl.ValidationError) as e:
        open311.read_open311("<!DOCTYPE r [<!ENTITY x 'y'>]><request/>")
    assert [i.code for i in e.value.report] == ["open311.xml_doctype"]
    with pytest.raises(kommun_intl.ValidationError) as e:
        open311.profile_from_services(SF / "services.xml", [SF / "service_definition.xml"])
    assert [i.code for i in e.value.report] == ["open311.definition_unknown_service"]


def test_wrong_arguments() -> None:
    with pytest.raises(ValueError, match="format `yaml`"):
        open311.read_open311(XML, format="yaml")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        open311.from_open311({"service_code": "x"})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        open311.to_open311(["not a report"])  # type: ignore[list-item]


def test_no_personal_value_in_the_issues() -> None:
    form = "service_code=belysning&email=anna%40example.se&email=anna%40example.se&first_name=Anna"
    [(_, report)] = open311.read_open311(form)
    assert report.error_count == 2  # the e-mail twice, and no place
    text = " ".join(f"{i.message('sv')} {i.message('en')} {i.params} {i.pointer}" for i in report)
    assert "anna" not in text.lower()
