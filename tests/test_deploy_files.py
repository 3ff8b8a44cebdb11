"""The deployment and publishing files of generated server projects, checked statically.

``server.json`` and ``manifest.json`` validate against the schemas their formats
publish (``spec/deploy``, see its SOURCE.txt). docker is not available where
these tests run, so the ``Dockerfile``, ``compose.yaml`` and ``nginx.conf`` are
parsed and their key settings asserted, as a linter would.
"""

from __future__ import annotations

import itertools
import json
import re
import tomllib
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from mcpgen.cli import main
from mcpgen.functions.generate import generate_functions_server
from mcpgen.openapi.build import ServerOptions
from mcpgen.openapi.generate import SEMANTIC_DEPENDENCIES, WHERE_SEMANTIC, generate_server
from mcpgen.pins import lock, pins
from mcpgen.serverproject import PYTHON_IMAGE
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.version import Version

from .server_support import CASES, ROOT

PETSTORE = ROOT / "spec" / "openapi" / "petstore.yaml"
FUNCTIONS = CASES.parent / "functions" / "typed_tools.py"
DEPLOY = ("Dockerfile", ".dockerignore", "requirements.txt", "compose.yaml", "nginx.conf")
PUBLISH = ("server.json", "manifest.json")
CREDENTIAL_ROLES = ("value", "token", "password", "client_secret")

Contents = dict[PurePosixPath, str]


def _openapi(document: Path, **options: Any) -> Callable[[], Contents]:
    return lambda: generate_server(str(document), ServerOptions(**options))[0]


def _functions() -> Contents:
    return generate_functions_server(str(FUNCTIONS))[0]


PROJECTS: dict[str, Callable[[], Contents]] = {
    "petstore": _openapi(PETSTORE),
    "kitchen": _openapi(CASES / "kitchen.yaml"),
    "kitchen-discovery": _openapi(CASES / "kitchen.yaml", tools_mode="discovery"),
    "functions": _functions,
}


@cache
def project(name: str) -> Contents:
    return PROJECTS[name]()


def text(contents: Contents, path: str) -> str:
    return contents[PurePosixPath(path)]


def spec_of(contents: Contents) -> dict[str, Any]:
    (path,) = [p for p in contents if p.name == "spec.json"]
    data: dict[str, Any] = json.loads(contents[path])
    return data


@cache
def schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ROOT / "spec" / "deploy" / name).read_text("utf-8"))
    return data


def assert_valid(document: Any, schema_name: str) -> None:
    cls = jsonschema.validators.validator_for(schema(schema_name))
    cls.check_schema(schema(schema_name))
    validator = cls(schema(schema_name), format_checker=cls.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "; ".join(f"{list(e.absolute_path)}: {e.message[:200]}" for e in errors)


def pyproject(contents: Contents) -> dict[str, Any]:
    return tomllib.loads(text(contents, "pyproject.toml"))


# --- server.json and manifest.json ---------------------------------------------------------


def test_the_schemas_reject_what_they_should() -> None:
    """The bundled schemas are the real ones: they refuse a bad name, a missing field."""
    good = json.loads(text(project("petstore"), "server.json"))
    assert_valid(good, "server.schema.json")
    for bad in ({**good, "name": "no-slash"}, {k: v for k, v in good.items() if k != "version"}):
        with pytest.raises(AssertionError):
            assert_valid(bad, "server.schema.json")
    manifest = json.loads(text(project("petstore"), "manifest.json"))
    with pytest.raises(AssertionError):
        assert_valid({**manifest, "server": {"type": "jar"}}, "mcpb-manifest-v0.4.schema.json")


@pytest.mark.parametrize("name", PROJECTS)
def test_server_json(name: str) -> None:
    contents = project(name)
    server = json.loads(text(contents, "server.json"))
    assert_valid(server, "server.schema.json")
    meta = pyproject(contents)["project"]
    assert server["version"] == meta["version"]
    (package,) = server["packages"]
    assert package["registryType"] == "pypi"
    assert package["identifier"] == meta["name"]
    assert package["version"] == meta["version"]
    assert package["transport"] == {"type": "stdio"}
    assert server["name"] == f"io.github.REPLACE-ME/{meta['name']}"
    # The registry proves PyPI ownership by this marker in the distribution's description.
    assert meta["readme"] == "README.md"
    assert f"<!-- mcp-name: {server['name']} -->" in text(contents, "README.md")
    spec = spec_of(contents)
    variables = {v["name"]: v for v in package.get("environmentVariables", [])}
    if spec["backend"] == "functions":
        assert not variables
        return
    assert f"{spec['envPrefix']}_BASE_URL" in variables
    for scheme in spec["securitySchemes"]:
        for role, env in scheme["env"].items():
            assert variables[env]["isSecret"] is (role in CREDENTIAL_ROLES), (role, env)
    assert any(v["isSecret"] for v in variables.values())


@pytest.mark.parametrize("name", PROJECTS)
def test_bundle_manifest(name: str) -> None:
    contents = project(name)
    manifest = json.loads(text(contents, "manifest.json"))
    assert_valid(manifest, "mcpb-manifest-v0.4.schema.json")
    meta = pyproject(contents)["project"]
    server = manifest["server"]
    assert server["type"] == "uv"
    assert PurePosixPath(server["entry_point"]) in contents
    # The console script of pyproject.toml, run by uv from the bundle's directory.
    assert meta["name"] in meta["scripts"]
    assert server["mcp_config"]["command"] == "uv"
    assert server["mcp_config"]["args"] == ["run", "--directory", "${__dirname}", meta["name"]]
    spec = spec_of(contents)
    config = manifest.get("user_config", {})
    env = server["mcp_config"].get("env", {})
    assert set(env) == {entry["title"] for entry in config.values()}
    for key, entry in config.items():
        assert env[entry["title"]] == "${user_config." + key + "}"
    for scheme in spec.get("securitySchemes", []):
        for role, variable in scheme["env"].items():
            entry = config[variable.lower()]
            assert entry.get("sensitive", False) is (role in CREDENTIAL_ROLES), variable
    server_json = json.loads(text(contents, "server.json"))
    variables = server_json["packages"][0].get("environmentVariables", [])
    assert [v["name"] for v in variables] == list(env)
    # The server lists its tools at run time: the manifest does not change with them.
    assert manifest["tools_generated"] is True and "tools" not in manifest


def test_registry_name_option(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "named"
    args = ["server", "--openapi", str(PETSTORE), "--out", str(out), "--quiet"]
    done = runner.invoke(main, [*args, "--registry-name", "io.github.acme/petstore"])
    assert done.exit_code == 0, done.output
    server = json.loads((out / "server.json").read_text())
    assert server["name"] == "io.github.acme/petstore"
    assert_valid(server, "server.schema.json")
    readme = (out / "README.md").read_text()
    assert "`io.github.acme/petstore`" in readme and "REPLACE-ME" not in readme
    assert "<!-- mcp-name: io.github.acme/petstore -->" in readme
    checked = runner.invoke(main, [*args, "--check", "--registry-name", "io.github.acme/petstore"])
    assert checked.exit_code == 0, checked.output
    for bad in ("petstore", "io.github.acme/pet store", "a/b/c"):
        refused = runner.invoke(main, [*args, "--registry-name", bad])
        assert refused.exit_code == 2 and "not a registry name" in refused.output


def test_placeholder_name_is_explained() -> None:
    readme = text(project("petstore"), "README.md")
    assert "`io.github.REPLACE-ME/petstore-mcp`, a placeholder" in readme
    assert "--registry-name" in readme


# --- Dockerfile, compose.yaml, nginx.conf ---------------------------------------------------


def dockerfile(source: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    instructions: list[tuple[str, str]] = []
    pending = ""
    for line in source.splitlines():
        stripped = line.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        pending += stripped[:-1] + " " if stripped.endswith("\\") else stripped
        if not stripped.endswith("\\"):
            keyword, _, rest = pending.partition(" ")
            instructions.append((keyword.upper(), " ".join(rest.split())))
            pending = ""
    assert not pending
    return instructions


@pytest.mark.parametrize("name", PROJECTS)
def test_dockerfile(name: str) -> None:
    contents = project(name)
    steps = dockerfile(text(contents, "Dockerfile"))
    keywords = [keyword for keyword, _ in steps]
    assert keywords[0] == "FROM"
    image = steps[0][1]
    assert image == PYTHON_IMAGE and re.fullmatch(r"python:3\.\d+-slim", image)
    assert "ADD" not in keywords and ":latest" not in text(contents, "Dockerfile")
    runs = [arguments for keyword, arguments in steps if keyword == "RUN"]
    copies = [arguments for keyword, arguments in steps if keyword == "COPY"]
    # Pinned dependencies first (a cached layer), then the project without any other.
    assert copies[0] == "requirements.txt ./"
    assert keywords.index("COPY") < keywords.index("RUN")
    assert runs[0] == "pip install --no-cache-dir -r requirements.txt"
    assert "pip install --no-cache-dir --no-deps --no-build-isolation ." in runs[1]
    assert "pip check" in runs[1]
    assert all("--no-cache-dir" in run for run in runs if "pip install" in run)
    assert not any(re.search(r"(^|&&)\s*cd ", run) for run in runs)
    # A non-root user, set before the server starts.
    assert "useradd" in runs[1]
    users = [arguments for keyword, arguments in steps if keyword == "USER"]
    assert users and users[-1] not in ("root", "0")
    assert keywords.index("USER") < keywords.index("ENTRYPOINT")
    assert ("EXPOSE", "8000") in steps
    (health,) = [arguments for keyword, arguments in steps if keyword == "HEALTHCHECK"]
    assert "CMD" in health and "http://127.0.0.1:8000/healthz" in health
    (entry,) = [arguments for keyword, arguments in steps if keyword == "ENTRYPOINT"]
    command = json.loads(entry)
    meta = pyproject(contents)["project"]
    assert command[0] in meta["scripts"]
    pairs = list(itertools.pairwise(command))
    assert ("--host", "0.0.0.0") in pairs and ("--transport", "http") in pairs
    assert ("--port", "8000") in pairs
    workdirs = [arguments for keyword, arguments in steps if keyword == "WORKDIR"]
    assert all(w.startswith("/") for w in workdirs)
    ignored = text(contents, ".dockerignore").splitlines()
    assert ".env" in ignored and ".git" in ignored and ".venv" in ignored


def test_functions_dockerfile_puts_src_on_the_path() -> None:
    steps = dockerfile(text(project("functions"), "Dockerfile"))
    assert ("ENV", "PYTHONPATH=/app/src") in steps
    assert "typed_tools" in text(project("functions"), "Dockerfile")


@pytest.mark.parametrize("name", PROJECTS)
def test_requirements_are_pinned_and_complete(name: str) -> None:
    contents = project(name)
    lines = [
        line
        for line in text(contents, "requirements.txt").splitlines()
        if line and not line.startswith("#")
    ]
    entries = [line.partition(";") for line in lines]
    pins = dict(pin.split("==") for pin, _, _ in entries)
    markers = {pin.split("==")[0]: marker.strip() for pin, _, marker in entries if marker}
    assert all(re.fullmatch(r"[a-z0-9-]+==[0-9][0-9a-z.]*", pin) for pin, _, _ in entries), lines
    assert "setuptools" in pins
    table = lock()
    for requirement in pyproject(contents)["project"]["dependencies"]:
        parsed = Requirement(requirement)
        name_ = parsed.name.lower()
        assert Version(pins[name_]) in parsed.specifier, requirement
        # Where the dependency is wanted at all (an environment marker), so is its pin.
        marker = markers.get(name_)
        assert (Marker(marker) if marker else None) == parsed.marker, name_
        # Everything it needs is pinned too.
        for needed in table[name_][1]:
            assert needed in pins, (name_, needed)
    # What an unmarked dependency needs is installed everywhere; the rest only where the
    # marker of the dependency that needs it holds (elsewhere pip would install it unused).
    everywhere = closure(
        Requirement(r).name.lower()
        for r in pyproject(contents)["project"]["dependencies"]
        if Requirement(r).marker is None
    )
    for name_ in pins:
        if name_ == "setuptools":
            continue
        assert (name_ in markers) == (name_ not in everywhere), name_
    build = tomllib.loads(text(contents, "pyproject.toml"))["build-system"]["requires"]
    for requirement in build:
        parsed = Requirement(requirement)
        assert Version(pins[parsed.name]) in parsed.specifier


def test_the_tests_install_the_search_model_where_servers_do() -> None:
    mcpgen = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    ours = [Requirement(r) for r in mcpgen["project"]["optional-dependencies"]["test"]]
    (model,) = [r for r in ours if r.name == "wordllama"]
    (theirs,) = [Requirement(r) for r in SEMANTIC_DEPENDENCIES]
    assert (model.specifier, model.marker) == (theirs.specifier, theirs.marker)
    assert theirs.marker == Marker(WHERE_SEMANTIC)


def closure(names: Iterable[str]) -> set[str]:
    """The distributions ``names`` need, by the lock, with themselves."""
    table, found, todo = lock(), set(), list(names)
    while todo:
        name = todo.pop()
        if name not in found:
            found.add(name)
            todo.extend(table[name][1])
    return found


def test_pins_give_what_marked_dependencies_alone_need_their_markers() -> None:
    # tokenizers needs huggingface-hub; numpy is needed by an unmarked dependency too.
    lines = pins(["tokenizers; sys_platform == 'linux'", "numpy", "safetensors; os_name == 'nt'"])
    assert "numpy==" + lock()["numpy"][0] in lines
    hub = next(line for line in lines if line.startswith("huggingface-hub=="))
    assert Marker(hub.partition(";")[2]) == Marker("sys_platform == 'linux'")
    # Needed through two marked dependencies: wanted where either holds.
    both = pins(["tokenizers; sys_platform == 'linux'", "huggingface-hub; os_name == 'nt'"])
    hub = next(line for line in both if line.startswith("huggingface-hub=="))
    marker = Marker(hub.partition(";")[2])
    assert marker.evaluate({"sys_platform": "linux", "os_name": "posix"})
    assert marker.evaluate({"sys_platform": "win32", "os_name": "nt"})
    assert not marker.evaluate({"sys_platform": "darwin", "os_name": "posix"})


def test_lock_is_closed() -> None:
    table = lock()
    for name, (version, needs) in table.items():
        Version(version)
        assert all(need in table for need in needs), name


@pytest.mark.parametrize("name", PROJECTS)
def test_compose(name: str) -> None:
    contents = project(name)
    compose = yaml.safe_load(text(contents, "compose.yaml"))
    assert set(compose["services"]) == {"server", "nginx"}
    server = compose["services"]["server"]
    assert server["build"] == "."
    assert server["deploy"]["replicas"] == 3
    assert "ports" not in server, "replicas publish no port; nginx does"
    assert server["expose"] == ["8000"]
    assert server["env_file"] == [{"path": ".env", "required": False}]
    nginx = compose["services"]["nginx"]
    assert re.fullmatch(r"nginx:\d+\.\d+(\.\d+)?-alpine", nginx["image"]), nginx["image"]
    assert nginx["ports"] == ["127.0.0.1:8080:8080"]
    assert nginx["volumes"] == ["./nginx.conf:/etc/nginx/nginx.conf:ro"]
    assert PurePosixPath("nginx.conf") in contents
    assert nginx["depends_on"] == {"server": {"condition": "service_healthy"}}


def nginx_blocks(source: str) -> list[Any]:
    """nginx configuration as nested lists: a directive is its list of words, a block is
    ``[words, children]``."""
    tokens = re.findall(r'"[^"]*"|[{};]|[^\s{};"]+', re.sub(r"#[^\n]*", "", source))
    stack: list[list[Any]] = [[]]
    words: list[str] = []
    for token in tokens:
        if token == "{":
            block: list[Any] = [words, []]
            stack[-1].append(block)
            stack.append(block[1])
            words = []
        elif token == "}":
            assert not words
            stack.pop()
        elif token == ";":
            stack[-1].append(words)
            words = []
        else:
            words.append(token)
    assert len(stack) == 1 and not words
    return stack[0]


def block(children: list[Any], *words: str) -> list[Any]:
    (found,) = [c[1] for c in children if len(c) == 2 and c[0] == list(words)]
    return found


def directives(children: list[Any]) -> list[list[str]]:
    return [c for c in children if c and isinstance(c[0], str)]


@pytest.mark.parametrize("name", PROJECTS)
def test_nginx_conf(name: str) -> None:
    config = nginx_blocks(text(project(name), "nginx.conf"))
    http = block(config, "http")
    assert ["resolver", "127.0.0.11", "valid=10s", "ipv6=off"] in directives(http)
    upstream = directives(block(http, "upstream", "mcp_servers"))
    assert ["server", "server:8000", "resolve"] in upstream
    # Round-robin, nginx's default: no hash, ip_hash, least_conn or sticky sessions.
    assert not {d[0] for d in upstream} & {"hash", "ip_hash", "least_conn", "sticky", "random"}
    server = block(http, "server")
    assert ["listen", "8080"] in directives(server)
    mcp = directives(block(server, "location", "=", "/mcp"))
    for expected in (
        ["proxy_pass", "http://mcp_servers"],
        ["proxy_http_version", "1.1"],
        ["proxy_buffering", "off"],
        ["proxy_request_buffering", "off"],
        ["proxy_cache", "off"],
        ["proxy_read_timeout", "1h"],
        ["proxy_set_header", "Connection", '""'],
        ["proxy_set_header", "Host", "$host"],
    ):
        assert expected in mcp, expected
    for probe in ("/healthz", "/readyz"):
        assert ["proxy_pass", "http://mcp_servers"] in directives(
            block(server, "location", "=", probe)
        )


# --- every project, any document ------------------------------------------------------------


@pytest.mark.parametrize("name", PROJECTS)
def test_every_project_has_the_files_and_they_are_starters(name: str) -> None:
    contents = project(name)
    owners = {
        entry["path"]: entry["owner"]
        for entry in json.loads(text(contents, ".mcpgen/manifest.json"))["files"]
    }
    for path in (*DEPLOY, *PUBLISH):
        assert owners[path] == "starter", path
    spec = spec_of(contents)
    readme = text(contents, "README.md")
    assert "## Running in production" in readme
    for variable in ("MCP_TOKEN", "ALLOWED_HOSTS", "STATEFUL"):
        assert f"`{spec['envPrefix']}_{variable}`" in readme
    assert "docker compose up --build -d" in readme and "Kubernetes" in readme


def test_deterministic() -> None:
    first = generate_server(str(CASES / "kitchen.yaml"))[0]
    second = generate_server(str(CASES / "kitchen.yaml"))[0]
    assert {p: first[p] for p in first} == {p: second[p] for p in second}


def test_document_text_stays_data(tmp_path: Path) -> None:
    """Titles, scheme names and descriptions reach only the JSON files, as JSON strings."""
    hostile = 'Evil" \\n`$(rm -rf /)` {{ x }} ${HOME} </script>\nEXPOSE 22'
    document = tmp_path / "hostile.yaml"
    document.write_text(
        yaml.safe_dump(
            {
                "openapi": "3.0.3",
                "info": {"title": hostile, "version": '1"; rm', "description": hostile},
                "servers": [{"url": "https://api.example.test/v1"}],
                "components": {
                    "securitySchemes": {
                        "key\n$(x)": {"type": "apiKey", "in": "header", "name": 'X-"K'}
                    }
                },
                "security": [{"key\n$(x)": []}],
                "paths": {
                    "/a": {
                        "get": {
                            "operationId": "getA",
                            "description": hostile,
                            "responses": {"200": {"description": "ok"}},
                        }
                    }
                },
            }
        )
    )
    contents = generate_server(str(document), ServerOptions(name="hostile"))[0]
    for path in DEPLOY:
        assert "rm -rf" not in text(contents, path) and "Evil" not in text(contents, path)
    server = json.loads(text(contents, "server.json"))
    assert_valid(server, "server.schema.json")
    assert_valid(json.loads(text(contents, "manifest.json")), "mcpb-manifest-v0.4.schema.json")
    assert "\n" not in server["title"] and len(server["description"]) <= 100
    dockerfile(text(contents, "Dockerfile"))
    yaml.safe_load(text(contents, "compose.yaml"))
    nginx_blocks(text(contents, "nginx.conf"))


def test_readme_env_prefix_is_the_servers() -> None:
    for name in PROJECTS:
        contents = project(name)
        prefix = spec_of(contents)["envPrefix"]
        readme = text(contents, "README.md")
        assert f"`{prefix}_MCP_TOKEN`" in readme
