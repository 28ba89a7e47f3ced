"""Open311 GeoReport v2: service requests (JSON, XML, the POST form) as fault reports and back,
and a municipality's service list as its profile.

Read a city's service list as a profile, then its requests as fault reports checked against
it; write them back as GeoReport JSON or XML::

    from kommun_intl import open311

    profile = open311.profile_from_services(pathlib.Path("services.xml"), country="SE")
    reports = open311.from_open311(pathlib.Path("requests.xml"), profile=profile)
    xml = open311.to_open311(reports, format="xml")

``from_open311`` raises :class:`kommun_intl.ValidationError` when a request has an error;
``read_open311`` returns every request as a fault-report dict with its report instead. In the
same way ``profile_from_services`` raises on an error and ``read_services`` returns the profile
with the reading's report (its warnings). A service list does not say its country: ``country=``
(ISO 3166-1 alpha-2) is where its reports should lie, by default Sweden.

What a server answers a POST with (``service_request_id`` or ``token``, ``service_notice``,
``account_id``) is no service request: ``read_post_response`` reads that body (JSON or XML)
as dicts with their reports, and ``to_post_response`` writes them back::

    [(response, report)] = open311.read_post_response(b'[{"service_request_id": 293944}]')
    xml = open311.to_post_response([response], format="xml")
"""

from kommun_intl._native import (
    from_open311,
    profile_from_services,
    read_open311,
    read_post_response,
    read_services,
    to_open311,
    to_post_response,
)

__all__ = [
    "from_open311",
    "profile_from_services",
    "read_open311",
    "read_post_response",
    "read_services",
    "to_open311",
    "to_post_response",
]
