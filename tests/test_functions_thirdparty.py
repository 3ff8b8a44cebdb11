"""Functions servers for real PyPI modules nobody here wrote, every tool called through the
official SDK client: ``validators`` (failed checks return exception objects) and ``emoji``
(typed dicts, iterators, ``Callable`` union members)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import anyio
from mcp import Client, StdioServerParameters, types
from mcpgen.functions.generate import generate_functions_server
from mcpgen.pipeline import write_tree

from .server_support import assert_valid_tools_list

# Every validator with arguments it accepts and arguments it rejects (from the examples
# in validators' own docstrings).
VALIDATORS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "between": ({"value": 5, "min_val": 2}, {"value": 500, "max_val": 400}),
    "bsc_address": (
        {"value": "0x4e5acf9684652BEa56F2f01b7101a225Ee33d23f"},
        {"value": "0x4g5acf9684652BEa56F2f01b7101a225Eh33d23z"},
    ),
    "btc_address": (
        {"value": "3Cwgr2g7vsi1bXDUkpEnVoRLA9w4FZfC69"},
        {"value": "1BvBMsEYstWetqTFn5Au4m4GFg7xJaNVN2"},
    ),
    "eth_address": (
        {"value": "0x9cc14ba4f9f68ca159ea4ebf2c292a808aaeb598"},
        {"value": "0x8Ba1f109551bD432803012645Ac136ddd64DBa72"},
    ),
    "trx_address": (
        {"value": "TLjfbTbpZYDQ4EoA4N5CLNgGjfbF8ZWz38"},
        {"value": "TR2G7Rm4vFqF8EpY4U5xdLdQ7XgJ2U8Vd"},
    ),
    "amex": ({"value": "378282246310005"}, {"value": "4242424242424242"}),
    "card_number": ({"value": "4242424242424242"}, {"value": "4242424242424241"}),
    "diners": ({"value": "3056930009020004"}, {"value": "4242424242424242"}),
    "discover": ({"value": "6011111111111117"}, {"value": "4242424242424242"}),
    "jcb": ({"value": "3566002020360505"}, {"value": "4242424242424242"}),
    "mastercard": ({"value": "5555555555554444"}, {"value": "4242424242424242"}),
    "unionpay": ({"value": "6200000000000005"}, {"value": "4242424242424242"}),
    "visa": ({"value": "4242424242424242"}, {"value": "2223003122003222"}),
    "mir": ({"value": "2200123456789019"}, {"value": "4242424242424242"}),
    "calling_code": ({"value": "+91"}, {"value": "-31"}),
    "country_code": ({"value": "USA"}, {"value": "GB", "iso_format": "alpha3"}),
    "currency": ({"value": "USD"}, {"value": "ZWX"}),
    "cron": ({"value": "*/5 * * * *"}, {"value": "30-20 * * * *"}),
    "domain": ({"value": "example.com"}, {"value": "example.com/"}),
    "email": ({"value": "someone@example.com"}, {"value": "bogus@@"}),
    "base16": ({"value": "a3f4b2"}, {"value": "a3f4Z1"}),
    "base32": ({"value": "MFZWIZLTOQ======"}, {"value": "MfZW3zLT9Q======"}),
    "base58": ({"value": "14pq6y9H2DLGahPsM4s7ugsNSD2uxpHsJx"}, {"value": "0OIl"}),
    "base64": ({"value": "Y2hhcmFjdGVyIHNldA=="}, {"value": "cUSECm5YzcXJwP"}),
    "cusip": ({"value": "037833DP2"}, {"value": "037833DP3"}),
    "isin": ({"value": "US0378331005"}, {"value": "037833DP2"}),
    "sedol": ({"value": "2936921"}, {"value": "29A6922"}),
    "md5": ({"value": "d41d8cd98f00b204e9800998ecf8427e"}, {"value": "900zz11"}),
    "sha1": ({"value": "da39a3ee5e6b4b0d3255bfef95601890afd80709"}, {"value": "900zz11"}),
    "sha224": (
        {"value": "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f"},
        {"value": "900zz11"},
    ),
    "sha256": (
        {"value": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"value": "900zz11"},
    ),
    "sha384": (
        {
            "value": "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163"
            "1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"
        },
        {"value": "900zz11"},
    ),
    "sha512": (
        {
            "value": "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce"
            "9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
        },
        {"value": "900zz11"},
    ),
    "hostname": ({"value": "ubuntu-pc:443"}, {"value": "_example.com"}),
    "es_cif": ({"value": "B25162520"}, {"value": "B25162529"}),
    "es_doi": ({"value": "X0095892M"}, {"value": "X0095892X"}),
    "es_nie": ({"value": "X0095892M"}, {"value": "X0095892X"}),
    "es_nif": ({"value": "26643189N"}, {"value": "26643189X"}),
    "fi_business_id": ({"value": "0112038-9"}, {"value": "1234567-8"}),
    "fi_ssn": ({"value": "010101-0101"}, {"value": "101010-0102"}),
    "fr_department": ({"value": "971"}, {"value": 20}),
    "fr_ssn": ({"value": "1 84 12 76 451 089 46"}, {"value": "3 84 12 76 451 089 46"}),
    "ind_aadhar": ({"value": "3675 9834 6015"}, {"value": "3675 ABVC 2133"}),
    "ind_pan": ({"value": "ABCDE9999K"}, {"value": "ABC5d7896B"}),
    "ru_inn": ({"value": "500100732259"}, {"value": "1234567890"}),
    "iban": ({"value": "DE29100500001061045672"}, {"value": "123456"}),
    "ipv4": ({"value": "123.0.0.7"}, {"value": "900.80.70.11"}),
    "ipv6": ({"value": "::ffff:192.0.2.128"}, {"value": "abc.0.0.1"}),
    "length": ({"value": "something", "min_val": 2}, {"value": "something", "max_val": 5}),
    "mac_address": ({"value": "01:23:45:67:ab:CD"}, {"value": "00:00:00:00:00"}),
    "slug": ({"value": "my-slug-2134"}, {"value": "my.slug"}),
    "url": ({"value": "http://duck.com"}, {"value": 'http://example.com/">user@example.com'}),
    "uuid": (
        {"value": "2bc1c94f-0deb-43e9-92a1-4775189ec9f8"},
        {"value": "2bc1c94f 0deb-43e9-92a1-4775189ec9f8"},
    ),
}


def _serve(tmp_path: Path, target: str) -> tuple[StdioServerParameters, Any, list[str]]:
    contents, project, diagnostics = generate_functions_server(target)
    write_tree(tmp_path, contents)
    params = StdioServerParameters(
        command=sys.executable, args=["-m", project.package], env={"PYTHONPATH": str(tmp_path)}
    )
    return params, project, [f"{d.location}: {d.code}: {d.message}" for d in diagnostics]


def _text(result: types.CallToolResult) -> str:
    assert len(result.content) == 1 and isinstance(result.content[0], types.TextContent)
    return result.content[0].text


def test_validators(tmp_path: Path) -> None:
    params, project, diagnostics = _serve(tmp_path, "validators")
    assert {t.name for t in project.tools} == set(VALIDATORS)
    assert [d for d in diagnostics if "W-FUNC-NOT-TOOL" in d] == [
        (
            "validator: W-FUNC-NOT-TOOL: validator takes a function (parameter 'func'), which "
            "no tool call can send; left out (--select it to expose it anyway)"
        )
    ]
    url = next(t for t in project.tools if t.name == "url")
    assert "validate_scheme" not in url.input_schema["properties"]
    assert "Examples:\n    >>> url('http://duck.com')\n    True" in url.description

    async def run() -> None:
        async with Client(params) as client:
            listed = await client.list_tools()
            assert_valid_tools_list(
                listed.model_dump(mode="json", by_alias=True, exclude_none=True), "2026-07-28"
            )
            for name, (good, bad) in VALIDATORS.items():
                if name == "eth_address" and importlib.util.find_spec("eth_hash") is None:
                    # An optional dependency missing when called: the library's own message.
                    for arguments in (good, bad):
                        missing = await client.call_tool(name, arguments)
                        assert missing.is_error
                        assert _text(missing) == (
                            "ImportError: Do `pip install validators[crypto-eth-addresses]` to "
                            "perform `eth_address` validation."
                        )
                    continue
                passed = await client.call_tool(name, good)
                assert not passed.is_error, (name, passed.content)
                assert _text(passed) == "true", name
                failed = await client.call_tool(name, bad)
                assert failed.is_error, (name, failed.content)
                assert _text(failed).startswith(
                    f"{name} returned an exception instead of a result: ValidationError: "
                    f"ValidationError(func={name}, args={{"
                ), (name, _text(failed))
            # Arguments the schema refuses never reach the function.
            wrong = await client.call_tool("email", {"value": 42})
            assert wrong.is_error and _text(wrong).startswith("Invalid arguments for tool 'email'")

    anyio.run(run)


def test_emoji(tmp_path: Path) -> None:
    params, project, diagnostics = _serve(tmp_path, "emoji")
    assert [d for d in diagnostics if "W-FUNC-NOT-FUNCTION" not in d] == [
        (
            "emojize: W-FUNC-TYPE: parameter 'handle_version': Callable[[str, Dict[str, str]], "
            "str] has no JSON schema and is left out of Union[str, Callable[[str, Dict[str, "
            "str]], str], NoneType]; it accepts Optional[str]"
        ),
        (
            "demojize: W-FUNC-TYPE: parameter 'handle_version': Callable[[str, Dict[str, str]], "
            "str] has no JSON schema and is left out of Union[str, Callable[[str, Dict[str, "
            "str]], str], NoneType]; it accepts Optional[str]"
        ),
        (
            "analyze: W-FUNC-RETURN: return type Iterator[emoji.tokenizer.Token] is an iterator, "
            "which no tool result can be (return a list instead); there is no outputSchema, and "
            "results of that type are error results"
        ),
        (
            "replace_emoji: W-FUNC-TYPE: parameter 'replace': Callable[[str, Dict[str, str]], "
            "str] has no JSON schema and is left out of Union[str, Callable[[str, Dict[str, "
            "str]], str]]; it accepts str"
        ),
    ]
    tools = {t.name: t for t in project.tools}
    assert tools["emojize"].description.startswith(
        "Replace emoji names in a string with Unicode codes.\n    >>> import emoji\n"
        "    >>> print(emoji.emojize("
    )
    assert tools["is_emoji"].title == (
        'Returns True if the string is a single emoji, and it is "recommended for general '
        'interchange" by Unicode.org.'
    )
    calls: list[tuple[str, dict[str, Any], Any]] = [
        ("emojize", {"string": "Python is fun :thumbs_up:"}, {"result": "Python is fun 👍"}),
        (
            "emojize",
            {"string": "Python is fun {thumbs_up}", "delimiters": ["{", "}"]},
            {"result": "Python is fun 👍"},
        ),
        ("demojize", {"string": "Python is fun 👍"}, {"result": "Python is fun :thumbs_up:"}),
        (
            "emoji_list",
            {"string": "Hi, I am fine. 😁"},
            {"result": [{"match_start": 15, "match_end": 16, "emoji": "😁"}]},
        ),
        ("distinct_emoji_list", {"string": "😁 a 😁 b 👍"}, None),
        ("emoji_count", {"string": "😁 a 😁 b 👍", "unique": True}, {"result": 2}),
        ("replace_emoji", {"string": "a 👍 b", "replace": "[x]"}, {"result": "a [x] b"}),
        ("is_emoji", {"string": "👍"}, {"result": True}),
        ("is_emoji", {"string": "a"}, {"result": False}),
        ("purely_emoji", {"string": "👍😁"}, {"result": True}),
        ("version", {"string": "😁"}, {"result": 0.6}),
    ]
    assert {name for name, _, _ in calls} | {"analyze"} == set(tools)

    async def run() -> None:
        async with Client(params) as client:
            listed = await client.list_tools()
            assert_valid_tools_list(
                listed.model_dump(mode="json", by_alias=True, exclude_none=True), "2026-07-28"
            )
            for name, arguments, structured in calls:
                result = await client.call_tool(name, arguments)
                assert not result.is_error, (name, result.content)
                if structured is None:
                    assert result.structured_content is not None
                    assert sorted(result.structured_content["result"]) == ["👍", "😁"]
                else:
                    assert result.structured_content == structured, name
                    value = structured["result"]
                    text = (
                        value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                    )
                    assert _text(result) == text, name
            analyzed = await client.call_tool("analyze", {"string": "a 👍"})
            assert analyzed.is_error
            assert _text(analyzed) == (
                "analyze returned an iterator (generator), which is no value a tool can send; "
                "the function must return the items themselves, such as a list"
            )
            failed = await client.call_tool("version", {"string": "no emoji here"})
            assert failed.is_error and _text(failed) == "ValueError: No emoji found in string"

    anyio.run(run)
