"""Regular expressions as JSON Schema and OpenAPI mean them: ECMA-262's, as JavaScript (and
so Prism, and most API gateways) reads them, not Python's. In Python ``\\w`` and ``\\d`` also
match letters and digits beyond ASCII ("Œ", "٣"); in ECMA-262 they do not, and an upstream
whose document says ``^[-\\w._()]+$`` refuses such a name. Patterns are run by regress (an
ECMA-262 engine, in Unicode mode as JSON Schema asks, so ``\\p{L}`` is a letter) where it
is installed, else by Python's ``re`` with ASCII classes, the nearest it comes. A pattern
neither can compile checks nothing (generation has warned).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jsonschema


@lru_cache(maxsize=4096)
def matcher(pattern: str) -> Callable[[str], bool] | None:
    """Whether a text has a match of ``pattern`` anywhere (JSON Schema's ``pattern`` is not
    anchored); None where the pattern does not compile."""
    try:
        import regress  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        pass
    else:
        compiled = ecma_regex(regress, pattern)
        if compiled is not None:
            return lambda text: compiled.find(text) is not None
    try:
        fallback = re.compile(pattern, re.ASCII)
    except (re.error, RecursionError, OverflowError):
        return None
    return lambda text: fallback.search(text) is not None


def ecma_regex(regress: Any, pattern: str) -> Any:
    """``pattern`` compiled by regress as JSON Schema reads it, in ECMA-262's Unicode mode
    (``\\p{L}``, as Prism and JSON Schema validators read it), else in its legacy mode
    (identity escapes such as ``\\_``, which Unicode mode refuses); None if neither
    compiles it."""
    try:
        return regress.Regex(pattern, "u")
    except Exception:  # noqa: BLE001 - regress's own error: not in Unicode mode
        try:
            return regress.Regex(pattern)
        except Exception:  # noqa: BLE001 - not ECMA-262 at all
            return None


def _pattern(
    validator: Any, pattern: str, instance: Any, schema: Mapping[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    import jsonschema

    found = matcher(pattern) if isinstance(pattern, str) else None
    if isinstance(instance, str) and found is not None and not found(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


def _pattern_properties(
    validator: Any, patterns: Mapping[str, Any], instance: Any, schema: Mapping[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    if not isinstance(instance, dict):
        return
    for pattern, subschema in patterns.items():
        found = matcher(pattern)
        for key, value in instance.items():
            if found is not None and found(key):
                yield from validator.descend(value, subschema, path=key, schema_path=pattern)


@cache
def ecma(cls: type[jsonschema.protocols.Validator]) -> type[jsonschema.protocols.Validator]:
    """A jsonschema validator class whose ``pattern`` and ``patternProperties`` are ECMA-262's."""
    import jsonschema

    extended: type[jsonschema.protocols.Validator] = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
        cls, {"pattern": _pattern, "patternProperties": _pattern_properties}
    )
    return extended
