"""Whatever bytes arrive, decoding returns a model or raises a MessageError, never anything else.

Every model that does come out can be written again, and reads back as itself.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.messages import (
    MAX_MESSAGE_BYTES,
    MESSAGE_MODELS,
    Command,
    MalformedMessage,
    MessageError,
    MessageTooLarge,
    SchemaViolation,
    Versioned,
    decode,
    decode_command,
    encode,
)
from tests.messages.examples import instances

EXAMPLES = {name: encode(message) for name, message in instances().items()}
MODELS = st.sampled_from(sorted(MESSAGE_MODELS))
# MESSAGE_FUZZ_EXAMPLES=5000 searches deeper; the default keeps the suite fast.
FAST = settings(
    max_examples=int(os.environ.get("MESSAGE_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def _survives(data: Any, model: type[Versioned]) -> Versioned | None:
    """Decode; if a model comes out, it must re-encode and read back unchanged."""
    try:
        message = decode_command(data) if model is Command else decode(data, model)
    except MessageError as error:
        assert error.reason and error.error_class == type(error).__name__
        return None
    again = encode(message)
    assert decode(again, model) == message
    return message


@FAST
@given(name=MODELS, data=st.binary(max_size=600))
def test_arbitrary_bytes(name: str, data: bytes) -> None:
    _survives(data, MESSAGE_MODELS[name])


@FAST
@given(name=MODELS, text=st.text(alphabet='{}[]":,0123456789eE.-+ nultrfasNIiy\\', max_size=80))
def test_json_looking_text(name: str, text: str) -> None:
    _survives(text.encode(), MESSAGE_MODELS[name])


@FAST
@given(name=MODELS, value=json_values)
def test_arbitrary_json(name: str, value: Any) -> None:
    _survives(json.dumps(value).encode(), MESSAGE_MODELS[name])


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _replace(node: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    copy = dict(node) if isinstance(node, dict) else list(node)
    copy[head] = _replace(node[head], rest, value)
    return copy


@FAST
@given(name=MODELS, data=st.data())
def test_valid_messages_with_one_field_mutated(name: str, data: st.DataObject) -> None:
    tree = json.loads(EXAMPLES[name])
    path = data.draw(st.sampled_from(_paths(tree)[1:]), label="path")
    mutated = _replace(tree, path, data.draw(json_values, label="value"))
    _survives(json.dumps(mutated).encode(), MESSAGE_MODELS[name])


@FAST
@given(name=MODELS, data=st.data())
def test_valid_messages_with_a_field_dropped_or_added(name: str, data: st.DataObject) -> None:
    tree = json.loads(EXAMPLES[name])
    objects = [path for path in _paths(tree) if isinstance(_at(tree, path), dict) and _at(tree, path)]
    path = data.draw(st.sampled_from(objects), label="object")
    target = dict(_at(tree, path))
    target.pop(data.draw(st.sampled_from(sorted(target)), label="dropped"))
    target[data.draw(st.text(max_size=10), label="added")] = data.draw(json_values, label="value")
    _survives(json.dumps(_replace(tree, path, target)).encode(), MESSAGE_MODELS[name])


def _at(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


@FAST
@given(name=MODELS, data=st.data())
def test_flipped_bytes(name: str, data: st.DataObject) -> None:
    raw = bytearray(EXAMPLES[name])
    for _ in range(data.draw(st.integers(1, 4), label="flips")):
        raw[data.draw(st.integers(0, len(raw) - 1), label="at")] = data.draw(
            st.integers(0, 255), label="byte"
        )
    _survives(bytes(raw), MESSAGE_MODELS[name])


@pytest.mark.parametrize("name", sorted(MESSAGE_MODELS))
def test_every_truncation_is_malformed(name: str) -> None:
    data = EXAMPLES[name]
    for end in range(len(data)):
        with pytest.raises(MalformedMessage):
            decode(data[:end], MESSAGE_MODELS[name])


@settings(max_examples=10, deadline=None)
@given(name=MODELS, extra=st.integers(1, 5_000), filler=st.sampled_from([b" ", b"\xff", b"{"]))
def test_oversize_is_too_large_whatever_it_holds(name: str, extra: int, filler: bytes) -> None:
    data = EXAMPLES[name] + filler * (MAX_MESSAGE_BYTES - len(EXAMPLES[name]) + extra)
    with pytest.raises(MessageTooLarge):
        decode(data, MESSAGE_MODELS[name])


WRONG_TYPES = [0, 1.5, True, "text", [], {}, ["text"], {"a": 1}]


@pytest.mark.parametrize("name", sorted(MESSAGE_MODELS))
def test_wrongly_typed_fields_anywhere(name: str) -> None:
    tree = json.loads(EXAMPLES[name])
    refused = 0
    for path in _paths(tree)[1:]:
        for wrong in WRONG_TYPES:
            if type(wrong) is type(_at(tree, path)):
                continue
            refused += (
                _survives(json.dumps(_replace(tree, path, wrong)).encode(), MESSAGE_MODELS[name]) is None
            )
    assert refused > len(_paths(tree)), "most wrong types must be refused"


@pytest.mark.parametrize("name", sorted(MESSAGE_MODELS))
def test_other_messages_are_refused_as_schema_violations(name: str) -> None:
    for other, data in EXAMPLES.items():
        if other != name:
            with pytest.raises(SchemaViolation):
                decode(data, MESSAGE_MODELS[name])
