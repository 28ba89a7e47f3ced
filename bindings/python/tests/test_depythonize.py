"""The fast path for dicts (`src/depythonize.rs`): a dict read straight into the model gives the
report the slow path (conversion to JSON, then the core's explaining validation) gives, for
the corpus and for hostile dicts; anything it does not take goes the slow way.

The slow path is forced by handing over the same document as a `types.MappingProxyType`, a
mapping that is not a dict: the fast path takes exact dicts only, and the conversion reads a
proxy exactly as it reads the dict behind it."""

from __future__ import annotations

import json
import types
from typing import Any, Callable

import pytest

import kommun_intl
from conftest import Fixture, fixtures

FIXTURES = fixtures()


def slow(doc: dict[str, Any]) -> Any:
    return types.MappingProxyType(doc)


def outcome(call: Callable[[], Any]) -> tuple[Any, ...]:
    """What a call gives: its result, or the type and message of what it raised."""
    try:
        return ("returned", call())
    except Exception as e:  # noqa: BLE001 - every outcome is compared
        return ("raised", type(e), str(e))


def dict_of(f: Fixture) -> Any:
    try:
        return json.loads(f.data)
    except (ValueError, RecursionError):
        return None


def described(report: kommun_intl.Report) -> list[tuple[str, str, str, str]]:
    return sorted((i.code, i.pointer, i.message(), i.severity) for i in report)


def kwargs(f: Fixture) -> dict[str, Any]:
    return {"reference_date": f.reference_date, "profile": f.profile}


@pytest.mark.parametrize("f", FIXTURES, ids=lambda f: f.name)
def test_fast_and_slow_paths_give_the_same_report(f: Fixture) -> None:
    doc = dict_of(f)
    if not isinstance(doc, dict):
        pytest.skip("not a JSON object: only the slow path reads it")
    fast = outcome(lambda: kommun_intl.validate(doc, f.kind, **kwargs(f)))
    assert fast == outcome(lambda: kommun_intl.validate(slow(doc), f.kind, **kwargs(f)))
    # The kind from `$schema`, when the fixture names one.
    detected = outcome(lambda: kommun_intl.validate(doc, **kwargs(f)))
    assert detected == outcome(lambda: kommun_intl.validate(slow(doc), **kwargs(f)))
    if fast[0] == "returned":
        # And what the text gives, but for positions (a dict has none).
        text = kommun_intl.validate(f.data, f.kind, **kwargs(f))
        if not any(i.code.startswith(("json.", "limits.")) for i in text):
            assert described(fast[1]) == described(text)


@pytest.mark.parametrize("f", FIXTURES, ids=lambda f: f.name)
def test_load_and_from_dict_take_the_fast_path_to_the_same_result(f: Fixture) -> None:
    doc = dict_of(f)
    if not isinstance(doc, dict):
        pytest.skip("not a JSON object: only the slow path reads it")
    cls = type(kommun_intl.load(f.data, f.kind, **kwargs(f))) if not f.invalid else None
    for call in (
        lambda d: kommun_intl.load(d, f.kind, **kwargs(f)),
        lambda d: kommun_intl.load(d, **kwargs(f)),
    ):
        assert outcome(lambda: call(doc)) == outcome(lambda: call(slow(doc)))
    if cls is not None:
        assert cls.from_dict(doc, **kwargs(f)) == cls.from_dict(slow(doc), **kwargs(f))


def test_validate_many_takes_the_fast_path_to_the_same_reports() -> None:
    plain = [f for f in FIXTURES if f.reference_date is None and f.profile is None]
    for kind in {f.kind for f in plain}:
        docs = [
            d
            for f in plain
            if f.kind == kind
            and isinstance(d := dict_of(f), dict)
            and outcome(lambda: kommun_intl.validate(d, kind))[0] == "returned"
        ]
        assert kommun_intl.validate_many(docs, kind) == [
            kommun_intl.validate(slow(d), kind) for d in docs
        ]
        # Fast and slow items mixed, in order.
        mixed = [d if i % 2 else slow(d) for i, d in enumerate(docs)]
        assert kommun_intl.validate_many(mixed, kind) == kommun_intl.validate_many(docs, kind)


FEEDBACK: dict[str, Any] = {
    "category": "praise",
    "description": "Fint i parken.",
    "channel": "web",
    "submitted_at": "2026-05-04T10:00:00+02:00",
}


def fault(extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "service_code": "belysning",
        "lat": 58.5,
        "long": 13.2,
        "requested_datetime": "2026-05-04T10:00:00+02:00",
        **extra,
    }


def same(doc: Any, kind: str | None = "feedback") -> tuple[Any, ...]:
    """Validates `doc` the fast way and the slow way; both must agree. Returns the outcome."""
    fast = outcome(lambda: kommun_intl.validate(doc, kind))
    assert fast == outcome(lambda: kommun_intl.validate(slow(doc), kind))
    return fast


def test_the_fast_path_accepts_a_valid_document() -> None:
    got = same(FEEDBACK)
    assert got[0] == "returned" and got[1].is_valid
    assert same({**FEEDBACK, "$schema": "../schemas/feedback.schema.json"}, None)[1].is_valid


def test_a_cycle_is_the_slow_paths_error() -> None:
    doc: dict[str, Any] = dict(FEEDBACK)
    doc["contact"] = doc
    assert same(doc)[0] == "raised"
    listed: list[Any] = []
    listed.append(listed)
    assert same(fault({"extended_attributes": {"x": listed}}), "fault-report")[0] == "raised"


@pytest.mark.parametrize("depth", [10, 63, 64, 65, 100, 128, 129, 1000, 100_000])
def test_deep_nesting_is_held_to_the_depth_limit(depth: int) -> None:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    same({**FEEDBACK, "description": value})
    nested: Any = {}
    for _ in range(depth):
        nested = {"contact": nested}
    same({**FEEDBACK, "contact": nested})
    # Where the model takes any JSON, only the limits stop it.
    same(fault({"extended_attributes": {"x": value}}), "fault-report")
    same(fault({"extended_attributes": nested}), "fault-report")


def test_shared_sub_objects_are_counted_each_time_they_appear() -> None:
    partnership = json.loads(
        next(f for f in FIXTURES if f.kind == "partnership" and not f.invalid).data
    )
    # Within the size limit: an ordinary (if repetitive) register.
    within = same({"partnerships": [partnership] * 2000}, "dataset")
    assert within[0] == "returned"
    assert "limits.document_size" not in [i.code for i in within[1]]
    # Beyond it, by sharing alone: the limit, not an hour of work.
    beyond = same({"partnerships": [partnership] * 200_000}, "dataset")
    assert [i.code for i in beyond[1]] == ["limits.document_size"]
    value: Any = "x" * 64
    for _ in range(40):
        value = [value, value]
    assert [i.code for i in same({**FEEDBACK, "description": value})[1]] != []
    assert same(fault({"extended_attributes": {"x": value}}), "fault-report")[1].is_valid is False
    small: Any = "x" * 64
    for _ in range(12):
        small = [small, small]
    assert same(fault({"extended_attributes": {"x": small}}), "fault-report")[1].is_valid


def test_string_and_array_limits() -> None:
    assert [i.code for i in same({**FEEDBACK, "description": "x" * (1024 * 1024 + 1)})[1]] == [
        "limits.string_length"
    ]
    many = same(fault({"extended_attributes": {"x": [0] * 1_000_001}}), "fault-report")
    assert [i.code for i in many[1]] == ["limits.array_length"]
    assert same(fault({"extended_attributes": {"x": [0] * 1_000_000}}), "fault-report")[1].is_valid


class Meddler(dict):  # type: ignore[type-arg]
    """A dict subclass whose `items` changes the dict it lies in."""

    def __init__(self, victim: dict[str, Any]) -> None:
        super().__init__(name="x")
        self.victim = victim

    def items(self) -> Any:
        for i in range(100):
            self.victim[f"added{i}"] = i
        return super().items()


def test_a_mapping_that_changes_the_dict_while_it_is_read() -> None:
    victim: dict[str, Any] = dict(FEEDBACK)
    victim["contact"] = Meddler(victim)
    got = outcome(lambda: kommun_intl.validate(victim, "feedback"))
    assert got[0] == "returned"
    victim = dict(FEEDBACK)
    victim["contact"] = Meddler(victim)
    assert outcome(lambda: kommun_intl.validate(slow(victim), "feedback")) == got


class OddStr(str):
    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return 0

    def __str__(self) -> str:
        return "complaint"


class OddInt(int):
    def __eq__(self, other: object) -> bool:
        return False

    def __hash__(self) -> int:
        return 1

    def __index__(self) -> int:
        raise RuntimeError("not asked")


class OddList(list):  # type: ignore[type-arg]
    def __iter__(self) -> Any:
        return iter(["https://example.se/other.jpg"])

    def __len__(self) -> int:
        return 7


class OddDict(dict):  # type: ignore[type-arg]
    def items(self) -> Any:
        return [("category", "question")]

    def __iter__(self) -> Any:
        return iter(["category"])


def test_subclasses_are_read_as_the_slow_path_reads_them() -> None:
    assert same({**FEEDBACK, "category": OddStr("praise")})[1].is_valid
    same({**FEEDBACK, OddStr("category"): "praise"})
    same({**FEEDBACK, "contact": {"name": OddStr("Anna")}})
    same(fault({"lat": OddInt(58)}), "fault-report")
    same(fault({"extended_attributes": {"x": OddList(["a", "b"])}}), "fault-report")
    same(fault({"extended_attributes": {"x": OddDict(y=1)}}), "fault-report")
    same({**FEEDBACK, "contact": OddDict(name="x")})
    top = OddDict(FEEDBACK)
    assert outcome(lambda: kommun_intl.validate(top, "feedback")) == outcome(
        lambda: kommun_intl.validate(dict(top.items()), "feedback")
    )


@pytest.mark.parametrize(
    "value",
    [True, False, 0, 1, -1, 58, 2**31, 2**53 + 1, 2**63 - 1, 2**63, 2**64 - 1, 2**64, -(2**63),
     -(2**63) - 1, 10**400, -(10**400), 1.5, -0.0, 1e308, float("nan"), float("inf"),
     float("-inf"), None, "58.5", b"58", bytearray(b"58"), (58,), [58], {58}, frozenset(),
     {"x": 1}, {1: 2}, {None: 2}, {(1, 2): 3}, object(), 1j, "\ud800"],
    ids=repr,
)
def test_every_scalar_and_container_type_agrees(value: Any) -> None:
    for field in ("lat", "service_code", "media_url", "description", "attributes"):
        same(fault({field: value}), "fault-report")
    same(fault({"extended_attributes": {"x": value}}), "fault-report")
    same(fault({"extended_attributes": {"x": [value, {"y": value}]}}), "fault-report")
    same({**FEEDBACK, "wants_reply": value})
    same({**FEEDBACK, "contact": {"email": value}})


def test_tuples_are_arrays() -> None:
    got = same(fault({"extended_attributes": {"x": ("a", 1, (2.5, None))}}), "fault-report")
    assert got[1].is_valid
    same(fault({"attributes": ({"code": "a", "value": ("b", "c")},)}), "fault-report")


def test_keys_that_are_personal_data_are_not_echoed() -> None:
    canary = "anna.canary@example.se"
    for doc in (
        {**FEEDBACK, canary: "x"},
        {**FEEDBACK, "contact": {canary: "x"}},
        {**FEEDBACK, "contact": {"email": canary, canary: 1.5}},
    ):
        got = same(doc)
        assert got[0] == "returned"
        assert canary not in repr(got[1]) and all(canary not in i.pointer + i.message() for i in got[1])


def test_a_kind_name_that_is_no_kind_is_the_slow_paths_error() -> None:
    assert same(FEEDBACK, "feedbak")[0] == "raised"
    assert same({**FEEDBACK, "lat": float("nan")}, "feedbak")[0] == "raised"


ODD_VALUES: list[Any] = [
    None, True, False, 0, -1, 7, 2**63, 10**30, 1.5, float("nan"), "", "x", "praise", "2026-05-04",
    "SE", "\ud800", b"x", (1,), [], [None], {}, {"x": 1}, {1: 1}, OddStr("web"), OddInt(3),
    OddList(["a"]), OddDict(a=1), "x" * 5000,
]


def mutate(rng: Any, value: Any, depth: int = 0) -> Any:
    """A copy of `value` with a few members changed, removed, added or retyped."""
    if isinstance(value, dict):
        out = {k: mutate(rng, v, depth + 1) for k, v in value.items()}
        if out and rng.random() < 0.2:
            del out[rng.choice(list(out))]
        if out and rng.random() < 0.3:
            out[rng.choice(list(out))] = rng.choice(ODD_VALUES)
        if rng.random() < 0.1:
            out[rng.choice(["extra", "$schema", "kategori", "anna@example.se"])] = rng.choice(ODD_VALUES)
        return out
    if isinstance(value, list):
        out_list = [mutate(rng, v, depth + 1) for v in value]
        if rng.random() < 0.2:
            out_list.append(rng.choice(ODD_VALUES))
        return tuple(out_list) if rng.random() < 0.1 else out_list
    return rng.choice(ODD_VALUES) if rng.random() < 0.05 else value


def test_mutated_corpus_documents_agree() -> None:
    import random

    rng = random.Random(14)
    docs = [(f, d) for f in FIXTURES if isinstance(d := dict_of(f), dict)]
    for _ in range(1500):
        f, doc = rng.choice(docs)
        mutated = mutate(rng, doc)
        fast = outcome(lambda: kommun_intl.validate(mutated, f.kind, **kwargs(f)))
        assert fast == outcome(lambda: kommun_intl.validate(slow(mutated), f.kind, **kwargs(f))), f.name
