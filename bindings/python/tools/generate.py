"""Writes the typed parts of the Python package from the core's JSON Schemas.

- ``python/kommun_intl/types.py``: a ``TypedDict`` per object of the model (what ``to_dict``
  returns) and a ``Literal`` per code list;
- the region of ``python/kommun_intl/_native.pyi`` between the ``generated`` markers: the
  document classes with one typed property per field, and ``load``'s overloads.

Run ``python tools/generate.py`` after the model changes (``make schemas`` does);
``python tools/generate.py --check`` fails when the committed files differ, as
``tests/test_generated.py`` does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import kommun_intl

HERE = Path(__file__).resolve().parent.parent
TYPES = HERE / "python" / "kommun_intl" / "types.py"
STUB = HERE / "python" / "kommun_intl" / "_native.pyi"
BEGIN = "# <generated: tools/generate.py>"
END = "# </generated>"
# A code list longer than this is typed `str` (the codes are in `code_lists()`).
MAX_LITERAL = 64

Node = dict[str, Any]


def classes() -> dict[str, Any]:
    """The document classes by kind."""
    out: dict[str, Any] = {}
    for name in kommun_intl.__all__:
        obj: Any = getattr(kommun_intl, name)
        kind = getattr(obj, "kind", None)
        if isinstance(obj, type) and isinstance(kind, str):
            out[kind] = obj
    return out


class Model:
    def __init__(self) -> None:
        self.objects: dict[str, Node] = {}
        self.aliases: dict[str, Node] = {}
        self.docs = classes()
        for kind, root in kommun_intl.schemas().items():
            for name, node in root.get("$defs", {}).items():
                self.add(name, node)
            self.add(self.docs[kind].__name__, root)

    def add(self, name: str, node: Node) -> None:
        table = self.objects if node.get("type") == "object" else self.aliases
        node = {k: v for k, v in node.items() if k not in ("$schema", "$id", "$defs", "title")}
        if name in table and table[name] != node:
            raise SystemExit(f"{name} differs between schemas")
        table[name] = node

    def is_alias(self, name: str) -> bool:
        node = self.aliases[name]
        return "enum" in node or "anyOf" in node

    def ref(self, node: Node) -> str:
        name: str = node["$ref"].rsplit("/", 1)[-1]
        if name in self.objects:
            return f"{name}Dict"
        if self.is_alias(name):
            return name
        return str(self.type_of(self.aliases[name]))

    def type_of(self, node: Node) -> str:
        """The Python type of a value, null left out."""
        if "$ref" in node:
            return self.ref(node)
        if "const" in node:
            return f"Literal[{node['const']!r}]"
        if "enum" in node:
            codes = [c for c in node["enum"] if c is not None]
            if len(codes) > MAX_LITERAL:
                return "str"
            return "Literal[" + ", ".join(repr(c) for c in codes) + "]"
        if "anyOf" in node:
            parts = [self.type_of(n) for n in node["anyOf"] if n.get("type") != "null"]
            parts = list(dict.fromkeys(parts))
            return parts[0] if len(parts) == 1 else "Union[" + ", ".join(parts) + "]"
        types = node.get("type")
        types = [t for t in (types if isinstance(types, list) else [types]) if t != "null"]
        simple = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
        if types == ["array"]:
            return f"List[{self.type_of(node.get('items', {}))}]"
        if len(types) == 1 and types[0] in simple:
            return simple[types[0]]
        return "Any"

    @staticmethod
    def nullable(node: Node) -> bool:
        types = node.get("type")
        if isinstance(types, list) and "null" in types:
            return True
        return any(n.get("type") == "null" for n in node.get("anyOf", []))


def typed_dict(model: Model, name: str, node: Node) -> str:
    required = set(node.get("required", []))
    props: dict[str, Node] = node.get("properties", {})
    doc = " ".join(node.get("description", name).split())
    lines = []
    groups = [("Required", [k for k in props if k in required], ""),
              ("Optional", [k for k in props if k not in required], ", total=False")]
    bases = []
    for suffix, keys, total in groups:
        if not keys:
            continue
        base = f"_{name}Dict{suffix}"
        bases.append(base)
        items = "".join(f"\n        {k!r}: {model.type_of(props[k])!r}," for k in keys)
        lines.append(f"{base} = TypedDict(\n    {base!r},\n    {{{items}\n    }}{total},\n)\n")
    if not bases:
        bases = ["TypedDict"]
    lines.append(f"\n\nclass {name}Dict({', '.join(bases)}):\n    {doc!r}\n")
    return "\n".join(lines)


def types_py(model: Model) -> str:
    out = [
        '"""Typed dicts of the documents\' JSON form (what ``to_dict`` returns) and the code lists.',
        "",
        "Generated from the JSON Schemas by ``bindings/python/tools/generate.py``; do not edit.",
        "A code list with more than 64 codes is typed ``str``; ``code_lists()`` has them all.",
        '"""',
        "",
        "import datetime",
        "import os",
        "from typing import Any, List, Literal, Mapping, Tuple, TypedDict, Union",
        "",
        "__all__ = [",
    ]
    names = [n for n in sorted(model.aliases) if model.is_alias(n)]
    names += [f"{n}Dict" for n in sorted(model.objects)]
    names += ["CellDict", "CodeEntry", "DateArg", "IssueDict", "Kind", "Lang", "RecordDict", "ReportDict", "Source"]
    out += [f"    {n!r}," for n in names] + ["]", "", FIXED]
    kinds = ", ".join(repr(k) for k in kommun_intl.kinds())
    out += [f"Kind = Literal[{kinds}]", '"""A document kind, as ``kinds()`` lists them."""', ""]
    enums = sorted(n for n in model.aliases if "enum" in model.aliases[n])
    unions = sorted(n for n in model.aliases if "anyOf" in model.aliases[n] and n not in enums)
    for n in enums + unions:
        out.append(f"{n} = {model.type_of({k: v for k, v in model.aliases[n].items()})}")
    out.append("")
    for n in sorted(model.objects):
        out.append("")
        out.append(typed_dict(model, n, model.objects[n]))
    text = "\n".join(out).rstrip() + "\n"
    return text


FIXED = '''
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

'''


def stub_region(model: Model) -> str:
    out = [BEGIN]
    for kind, cls in model.docs.items():
        name = cls.__name__
        node = model.objects[name]
        props: dict[str, Node] = node["properties"]
        required = set(node.get("required", []))
        doc = " ".join(node.get("description", name).split())
        out += [
            "",
            "@final",
            f"class {name}:",
            f"    {doc!r}",
            "",
            f"    kind: ClassVar[Literal[{kind!r}]]",
            "    FIELDS: ClassVar[tuple[str, ...]]",
            "    @classmethod",
            "    def from_json(",
            "        cls,",
            "        data: bytes | bytearray | str,",
            "        *,",
            "        lang: Lang = ...,",
            "        reference_date: DateArg = ...,",
            "        profile: Profile | None = ...,",
            "    ) -> Self: ...",
            "    @classmethod",
            "    def from_dict(",
            "        cls,",
            "        data: Mapping[str, Any],",
            "        *,",
            "        lang: Lang = ...,",
            "        reference_date: DateArg = ...,",
            "        profile: Profile | None = ...,",
            "    ) -> Self: ...",
            f"    def to_dict(self) -> {name}Dict: ...",
            "    def to_json(self, *, indent: int | None = None) -> str: ...",
            "    def validate(",
            "        self, *, lang: Lang = ..., reference_date: DateArg = ..., profile: Profile | None = ...",
            "    ) -> Report: ...",
            "    def __eq__(self, value: object, /) -> bool: ...",
            "    def __reduce__(self) -> tuple[Any, tuple[str]]: ...",
            "    @classmethod",
            "    def __get_pydantic_core_schema__(cls, source: Any, handler: Any, /) -> Any: ...",
            "    @classmethod",
            "    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any, /) -> dict[str, Any]: ...",
        ]
        for field in cls.FIELDS:
            key = "$schema" if field == "schema" else field
            p = props[key]
            t = model.type_of(p)
            # A field with a default reads as the default when it is absent or null.
            if key not in required and model.nullable(p) and p.get("default") is None:
                t = f"{t} | None"
            t = t.replace("List[", "list[")
            if t.startswith("Union[") and t.endswith("]") and t.count("Union[") == 1:
                t = " | ".join(x.strip() for x in t[6:-1].split(","))
            out += ["    @property", f"    def {field}(self) -> {t}: ..."]
    out += [""]
    for kind, cls in model.docs.items():
        out += [
            "@overload",
            f"def load(data: Source, kind: Literal[{kind!r}], *, lang: Lang = ..., "
            f"reference_date: DateArg = ..., profile: Profile | None = ...) -> {cls.__name__}: ...",
        ]
    union = " | ".join(c.__name__ for c in model.docs.values())
    out += [
        "@overload",
        "def load(data: Source, kind: Kind | None = None, *, lang: Lang = ..., "
        f"reference_date: DateArg = ..., profile: Profile | None = ...) -> {union}: ...",
        END,
    ]
    return "\n".join(out)


def render_stub(model: Model, current: str) -> str:
    start, end = current.index(BEGIN), current.index(END) + len(END)
    return current[:start] + stub_region(model) + current[end:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if the files differ")
    args = parser.parse_args()
    model = Model()
    want = {TYPES: types_py(model), STUB: render_stub(model, STUB.read_text(encoding="utf-8"))}
    stale = [p for p, text in want.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    if args.check:
        for p in stale:
            print(f"{p} is out of date; run `python bindings/python/tools/generate.py`", file=sys.stderr)
        return 1 if stale else 0
    for p in stale:
        p.write_text(want[p], encoding="utf-8")
        print(f"wrote {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
