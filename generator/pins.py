"""``requirements.txt`` of a generated server: every distribution it needs, pinned to the
versions mcpgen's test suite runs with (``_LOCK_TEXT``), environment markers kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache

_LOCK_TEXT = """
annotated-types==0.8.0
anyio==4.16.0: idna typing-extensions
attrs==26.1.0
bm25s==0.3.16: numpy
certifi==2026.10.19.post1
cffi==2.1.1: pycparser
charset-normalizer==3.5.3
click==8.5.1
cryptography==50.0.2: cffi
filelock==4.3.1
fsspec==2026.9.0
h11==0.16.0
hf-xet==1.8.0
httpcore==1.0.9: certifi h11
httpcore2==2.16.2: h11 truststore
httpx==0.28.1: anyio certifi httpcore idna
httpx2==2.16.2: anyio httpcore2 idna truststore typing-extensions
huggingface-hub==2.4.0: click filelock fsspec hf-xet httpx2 packaging pyyaml tqdm
    typing-extensions
idna==3.20
jsonschema==4.26.0: attrs jsonschema-specifications referencing rpds-py
jsonschema-specifications==2025.9.1: referencing
mcp==2.3.0: anyio httpx2 jsonschema mcp-types opentelemetry-api pydantic pyjwt python-multipart
    sse-starlette starlette typing-extensions typing-inspection uvicorn
mcp-types==2.3.0: pydantic typing-extensions
numpy==2.4.6
opentelemetry-api==1.45.2: typing-extensions
packaging==26.4
pycparser==3.12
pydantic==2.14.4: annotated-types pydantic-core typing-extensions typing-inspection
pydantic-core==2.50.5: typing-extensions
pyjwt==2.15.1: cryptography
pystemmer==3.1.0
python-multipart==0.0.34
pyyaml==6.0.4
referencing==0.37.0: attrs rpds-py typing-extensions
regress==2026.9.1
requests==2.34.2: certifi charset-normalizer idna urllib3
rpds-py==2026.9.1
safetensors==0.8.0
sniffio==1.3.1
sse-starlette==3.7.0: anyio starlette
starlette==1.10.0: anyio typing-extensions
tokenizers==0.23.3: huggingface-hub
toml==0.10.2
tqdm==4.70.1
truststore==0.10.5
typing-extensions==4.16.0
typing-inspection==0.4.5: typing-extensions
urllib3==2.8.0
uvicorn==0.54.0: click h11
wordllama==0.4.0.post1: numpy pydantic requests safetensors tokenizers toml
"""
"""Exact versions of every distribution a generated server needs on Linux and CPython 3.11,
with what each one requires there: the versions mcpgen's test suite runs with (resolved
together by pip for manylinux x86_64 and aarch64). Update with the dependency floors."""


BUILD_PINS = ("setuptools==80.9.0",)
"""What builds the project itself (``pyproject.toml``'s build backend), pinned too."""


@cache
def lock() -> dict[str, tuple[str, tuple[str, ...]]]:
    """``_LOCK_TEXT`` as ``{name: (version, requirements)}``."""
    entries: dict[str, tuple[str, tuple[str, ...]]] = {}
    for line in _LOCK_TEXT.replace("\n    ", " ").strip().splitlines():
        pin, _, needs = line.partition(":")
        name, _, version = pin.partition("==")
        entries[name] = (version, tuple(needs.split()))
    return entries


def distribution_name(requirement: str) -> str:
    """The normalised distribution name of a requirement such as ``"mcp>=2.3"``."""
    match = re.match(r"[A-Za-z0-9._-]+", requirement)
    return re.sub(r"[-_.]+", "-", match.group(0) if match else requirement).lower()


def pins(dependencies: Sequence[str]) -> list[str]:
    """``name==version`` for every distribution ``dependencies`` need, sorted. A dependency
    with an environment marker keeps it (``name==version; marker``), and so does whatever is
    needed only through it: where the marker is false, none of them is installed."""
    table = lock()
    # For each distribution, the markers of the dependencies that need it ("" for none).
    wanted: dict[str, set[str]] = {}
    for dependency in dependencies:
        marker = dependency.partition(";")[2].strip()
        for name in _needed(distribution_name(dependency), table):
            wanted.setdefault(name, set()).add(marker)
    out = []
    for name, markers in wanted.items():
        # A distribution not in the lock is not one of the server's own (the functions'
        # module, say): the version installed where mcpgen runs, else the name as given;
        # its own requirements are pip's to find.
        pin = f"{name}=={table[name][0]}" if name in table else _installed_pin(name)
        if "" in markers:
            out.append(pin)
        elif len(markers) == 1:
            out.append(f"{pin}; {next(iter(markers))}")
        else:
            out.append(f"{pin}; " + " or ".join(f"({m})" for m in sorted(markers)))
    return sorted(out)


def _needed(name: str, table: Mapping[str, tuple[str, tuple[str, ...]]]) -> set[str]:
    """``name`` and every distribution it needs by ``table`` (the lock)."""
    found: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(table[current][1] if current in table else ())
    return found


def _installed_pin(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{name}=={version(name)}"
    except PackageNotFoundError:
        return name
