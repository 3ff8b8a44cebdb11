"""YAML read fast (yaml-rs) gives exactly what PyYAML with mcpgen's loader gives, or leaves
the text to PyYAML; and both read YAML 1.2 as OpenAPI means it."""

from __future__ import annotations

import builtins
import codecs
import json
import os
import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mcpgen.diagnostics import MCPGenError
from mcpgen.openapi import yamlread
from mcpgen.openapi.document import MAX_DEPTH, parse_text
from mcpgen.openapi.yamlread import read_yaml

ROOT = Path(__file__).resolve().parent.parent


def both(text: str) -> tuple[tuple[Any] | None, Any]:
    """The fast reading (None when it leaves the text to PyYAML) and PyYAML's."""
    return yamlread.read_fast(text, MAX_DEPTH), read_yaml(text, "doc.yaml")


def read_alike(text: str) -> bool:
    """Whether the fast reading takes ``text``; where it does, PyYAML reads the same value
    (or refuses the text: yaml-rs reads some text that PyYAML refuses, as YAML 1.2 allows)."""
    fast = yamlread.read_fast(text, MAX_DEPTH)
    if fast is None:
        return False
    try:
        slow = read_yaml(text, "doc.yaml")
    except MCPGenError:
        return True
    assert same(fast[0], slow), repr(text)
    return True


def same(a: Any, b: Any) -> bool:
    """Equal, types of every value and order of every key included (NaN equals NaN)."""
    return json.dumps(_typed(a)) == json.dumps(_typed(b))


def _typed(value: Any) -> Any:
    if isinstance(value, dict):
        return [[k, _typed(v)] for k, v in value.items()]
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return [type(value).__name__, repr(value)]


NUMBERISH = "0123456789_.eE+-xXoObBaF:"


def test_scalars_read_alike() -> None:
    """Every scalar made of number-like characters reads the same both ways, as a value
    and as a key; and the fast reading is the one used for nearly all of them."""
    rng = random.Random(7)
    scalars = {
        "".join(rng.choice(NUMBERISH) for _ in range(rng.randint(1, 6))) for _ in range(3000)
    }
    scalars |= {"true", "True", "TRUE", "tRue", "yes", "on", "null", "Null", "~", ".inf", "-.Inf"}
    scalars |= {".NaN", "+.nan", "2020-01-01", "2020-01-01T10:00:00Z", "12:30", "1.0.0"}
    forms = [
        text
        for scalar in sorted(scalars)
        for text in (f"x: {scalar}\n", f"{scalar}: x\n", f"- [{scalar}, {scalar}]\n")
    ]
    fast_used = sum(read_alike(text) for text in forms)
    assert fast_used > 0.9 * len(forms)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 017\n", {"a": 17}),
        ("a: 0o17\n", {"a": 15}),
        ("a: 0x1F\n", {"a": 31}),
        ("a: 1_000\n", {"a": 1000}),
        ("a: 1e3\n", {"a": 1000.0}),
        ("a: 0.16001e0\n", {"a": 0.16001}),
        ("a: 12:30\n", {"a": "12:30"}),
        ("a: yes\n", {"a": "yes"}),
        ("a: 2020-01-01\n", {"a": "2020-01-01"}),
        ("200: a\n0x1F: b\n", {"200": "a", "31": "b"}),
    ],
)
def test_yaml_1_2_numbers_both_ways(text: str, expected: dict[str, Any]) -> None:
    """YAML 1.2 numbers (as JavaScript's readers and yaml-rs read them): leading zeros are
    decimal, ``1e3`` is a number, ``12:30`` is text; integer keys are their decimal text."""
    fast, slow = both(text)
    assert fast is not None
    assert same(fast[0], expected)
    assert same(slow, expected)


def test_a_key_written_twice_is_read_as_the_last_and_noted() -> None:
    """A key written twice in one mapping (a path written again further down a document,
    whose operations the second one replaces) is read as YAML readers read it, the last
    one, and noted where it is; keys that a merge (``<<``) brings in and the mapping writes
    again are no such thing."""
    text = (
        "base: &b {description: x, summary: s}\n"
        "paths:\n  /a: {get: 1}\n  /b: {get: 2}\n  /a: {post: 3}\n"
        "merged: {<<: *b, description: y}\n"
    )
    assert yamlread.read_fast(text, MAX_DEPTH) is None
    notes: list[tuple[str, str]] = []
    value = read_yaml(text, "doc.yaml", notes)
    assert value["paths"] == {"/a": {"post": 3}, "/b": {"get": 2}}
    assert value["merged"] == {"description": "y", "summary": "s"}
    assert notes == [
        ("5:3", "key '/a' is written twice in this mapping (also at line 3); the last one is used")
    ]
    # Without the merge and the anchor, the fast reader leaves it to PyYAML too.
    plain = "paths:\n  /a: {get: 1}\n  /a: {post: 3}\n"
    assert yamlread.read_fast(plain, MAX_DEPTH) is None
    notes = []
    assert read_yaml(plain, "doc.yaml", notes) == {"paths": {"/a": {"post": 3}}}
    assert [where for where, _ in notes] == ["3:3"]


BLOCK_SCALARS = [
    # Text that only looks like anchors, aliases or tags: still read fast.
    'd: "> [!NOTE] text"\n',
    "u: https://api.example.com/search{?q}{&page,per_page}\n",
    "d: Free, Pro, & Team\n",
    "d: |\n  *.o\n  **bold** and *em*\n",
    "default: '*:*'\n",
    "a: |\n  one\n  two\n",
    "a: |-\n  one\n\n",
    "a: |+\n  one\n\n\nb: 1\n",
    "a: >\n  one\n  two\n\n  three\n",
    "a: >-\n  one\n  two\n",
    "a: >+\n  one\n\n",
    "a: |2\n    indented\n  b\n",
    "- >\n  folded\n   more indented\n  back\n",
    "a: 'it''s\n\n  multi'\n",
    'a: "esc \\t \\u00e9 \\x41 \\\n  joined"\n',
    "a: plain\n  continued # comment\nb: [1, {c: d}, 'e']\n",
    "? complex key\n: v\n",
    "---\na: 1\n",
    "# comment\n%YAML 1.2\n---\na: 1\n",
    "{a: 1, b: [x, y], c: {d: null}}\n",
    "a:\n- 1\n- - 2\n  - 3\n",
    'a: "\\u00e9\\U0001F600"\n',
]


@pytest.mark.parametrize("text", BLOCK_SCALARS)
def test_styles_read_alike(text: str) -> None:
    fast, slow = both(text)
    assert fast is not None, text
    assert same(fast[0], slow)


def test_escaped_surrogate_pairs_read_as_json_reads_them() -> None:
    """JSON's way of writing a character past U+FFFF, which PyYAML refuses."""
    text = 'a: "\\ud83d\\ude00"\n'
    fast = yamlread.read_fast(text, MAX_DEPTH)
    assert fast is not None
    assert fast[0] == {"a": "\U0001f600"} == json.loads('{"a": "\\ud83d\\ude00"}')
    with pytest.raises(MCPGenError, match="invalid Unicode character escape"):
        read_yaml(text, "doc.yaml")


@pytest.mark.parametrize(
    "text",
    [
        "base: &b {x: 1}\nd:\n  <<: *b\n  y: 2\n",  # anchors, aliases, merge keys
        "a: &x\n  b: *x\n",  # an alias loop
        "a: [1,&x [*x]]\n",  # in a flow collection, no space after the comma
        'a: {"k":&x 1, j: *x}\n',
        "a: [*x]\n",  # an alias without its anchor
        "a: !!str 123\n",  # tags
        "a: !custom 1\n",
        "a: 1\n---\nb: 2\n",  # several documents
        "a: 1\n...\n",
        "true: 1\n",  # keys that are not text or integers
        "1.50: a\n",
        "null: a\n",
        "a: >\n  no final line break",
        "a:" + " [" * 300 + " ]" * 300 + "\n",  # past the nesting limit
        "a: [1, 2\nb: 3\n",  # bad syntax: PyYAML locates it
        "a:\t1\n",
    ],
)
def test_pyyaml_reads_what_the_fast_reading_leaves(text: str) -> None:
    """Where the two could differ, PyYAML reads the text: the result (or error) is
    PyYAML's."""
    assert yamlread.read_fast(text, MAX_DEPTH) is None
    try:
        expected: Any = read_yaml(text, "doc.yaml")
    except MCPGenError as exc:
        with pytest.raises(MCPGenError) as caught:
            parse_text(text.encode(), "doc.yaml")
        assert str(caught.value) == str(exc)
    else:
        assert same(parse_text(text.encode(), "doc.yaml"), expected)


def test_without_yaml_rs_pyyaml_reads_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def refuse(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "yaml_rs":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse)
    text = "openapi: 3.1.0\n200: ok\nn: 017\n"
    assert yamlread.read_fast(text, MAX_DEPTH) is None
    assert parse_text(text.encode(), "doc.yaml") == {"openapi": "3.1.0", "200": "ok", "n": 17}


def test_a_real_document_takes_the_fast_reading() -> None:
    """The bundled example (and documents like it) are read by yaml-rs, as PyYAML would."""
    examples = sorted((ROOT / "spec").rglob("*.yaml")) + sorted(
        (ROOT / "tests" / "cases").rglob("*.yaml")
    )
    assert examples
    fast_used = 0
    for path in examples:
        text = path.read_text("utf-8-sig")
        try:
            slow = read_yaml(text, str(path))
        except MCPGenError:
            continue
        fast = yamlread.read_fast(text, MAX_DEPTH)
        if fast is not None:
            fast_used += 1
            assert same(fast[0], slow), path
    assert fast_used >= 0.8 * len(examples)


_TEXT = st.text(
    alphabet=st.sampled_from(list("ab z09_-.:#'\"\\|>!&*%@`{}[],?\n\t") + ["é", "😀", "\u2028"]),
    max_size=12,
)
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=20,
)


@settings(
    max_examples=int(os.environ.get("MCPGEN_YAML_EXAMPLES", "300")),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    value=_VALUES,
    flow=st.sampled_from([None, True, False]),
    style=st.sampled_from([None, "'", '"', "|", ">"]),
    width=st.sampled_from([8, 80]),
)
def test_dumped_documents_read_alike(
    value: Any, flow: bool | None, style: str | None, width: int
) -> None:
    """Documents in every style PyYAML writes read the same both ways."""
    text = yaml.safe_dump(
        {"doc": value},
        default_flow_style=flow,
        default_style=style,
        width=width,
        allow_unicode=True,
    )
    read_alike(text)


_PIECES = [*"ab z09_-.:#'\"\\|>!&*%@`{}[],?~\t\r\n", "é", "😀", "\ufeff", "\x00", "\x7f"]
_PIECES += ["\x1b", "\ud7ff", "\ue000", "\ufffe", "\x85", "\u2028", "- ", ": ", "\n  ", "\n- "]
_PIECES += ["0x", "1e", "_1", "   ", "\r\n"]


def test_random_text_reads_alike() -> None:
    """Text made of YAML's punctuation, odd characters and line breaks: wherever the fast
    reading takes it, PyYAML reads the same value (or refuses it: yaml-rs reads some text
    that PyYAML refuses, which is never a different value)."""
    rng = random.Random(11)
    used = 0
    for _ in range(4000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30))) + "\n"
        if rng.random() < 0.5:
            text = text.replace("\n", "\r\n")
        # As parse_text reads a file: its bytes, a byte order mark before them dropped.
        raw = codecs.BOM_UTF8 + text.encode() if rng.random() < 0.5 else text.encode()
        if raw.decode("utf-8-sig") == text:
            assert same(
                yamlread.read_fast(text, MAX_DEPTH), yamlread.read_fast(text, MAX_DEPTH, raw)
            )
        used += read_alike(text)
    assert used > 250
