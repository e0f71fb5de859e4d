"""The codec's quick parse of a message's JSON gives what the decoder's own `decode` gives: the same
value, or the same error with the same message and position, whatever the text."""

from __future__ import annotations

import json
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from ingest.messages.codec import _DECODER, _parse

values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
blank = st.text(alphabet=" \t\r\n", max_size=2)
junk = st.text(alphabet='{}[]":,0123456789eE.-+ \nnultrfasNIiy\\', max_size=6)


def outcome(parse: Callable[[str], object], text: str) -> tuple[str, object]:
    try:
        return "value", parse(text)
    except json.JSONDecodeError as error:
        return "JSONDecodeError", (error.msg, error.pos, error.lineno, error.colno)
    except (ValueError, RecursionError) as error:
        return type(error).__name__, str(error)


@given(before=blank, value=values, after=st.one_of(blank, junk))
def test_json_with_anything_around_it(before: str, value: object, after: str) -> None:
    text = before + json.dumps(value, separators=(",", ":")) + after
    assert outcome(_parse, text) == outcome(_DECODER.decode, text)


@given(text=st.text(alphabet='{}[]":,0123456789eE.-+ \nnultrfasNIiy\\', max_size=60))
def test_json_looking_text(text: str) -> None:
    assert outcome(_parse, text) == outcome(_DECODER.decode, text)


def test_a_message_and_its_near_misses() -> None:
    for text in ('{"a":1}', '{"a":1} ', ' {"a":1}', '{"a":1}x', '{"a":1e400}', '{"a":NaN}', "{", "{}{}"):
        assert outcome(_parse, text) == outcome(_DECODER.decode, text)
