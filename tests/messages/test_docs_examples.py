"""The JSON examples in docs/messages.md are valid messages, so the documentation cannot drift."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.messages import ALL_DOCUMENTS, Command, decode, decode_command, encode

DOC = Path(__file__).resolve().parents[2] / "docs" / "messages.md"
EXAMPLE = re.compile(r"<!-- example: ([a-z-]+) -->\n```json\n(.*?)\n```", re.DOTALL)
EXAMPLES = EXAMPLE.findall(DOC.read_text(encoding="utf-8"))


def test_the_doc_has_examples_for_the_command_and_every_task_type() -> None:
    names = [name for name, _ in EXAMPLES]
    assert set(names) >= {"command", "dead-letter", "schedule-habits-data", "optimize-schedule-data"}
    assert "sync-calendar-data" in names


@pytest.mark.parametrize(("name", "text"), EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_doc_example_decodes(name: str, text: str) -> None:
    model = ALL_DOCUMENTS[name]
    message = decode_command(text.encode()) if model is Command else decode(text.encode(), model)
    assert decode(encode(message), model) == message
