"""The codec: each kind of bad input becomes its own typed error with a reason naming the problem."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ingest.messages import (
    MAX_MESSAGE_BYTES,
    Command,
    MalformedMessage,
    MessageError,
    MessageTooLarge,
    PerformanceMetric,
    SchemaViolation,
    decode,
    decode_command,
    encode,
)
from tests.messages.examples import SPEC_EXAMPLES, command

COMMAND = SPEC_EXAMPLES["command"]
NOW = SPEC_EXAMPLES["performance-metric"]["timestamp"]


def _command_with(**fields: Any) -> bytes:
    return json.dumps({**COMMAND, **fields}).encode()


@pytest.mark.parametrize(
    ("data", "error", "reason"),
    [
        ("{}", MalformedMessage, "expected bytes, got str"),
        (None, MalformedMessage, "expected bytes, got NoneType"),
        (b"", MalformedMessage, "not valid JSON: Expecting value at line 1 column 1"),
        (b"\xff\xfe{}", MalformedMessage, "not valid UTF-8 at byte 0"),
        (b'{"taskId": "a"', MalformedMessage, "not valid JSON"),
        (b"[]", MalformedMessage, "expected a JSON object, got a JSON array"),
        (b"null", MalformedMessage, "expected a JSON object, got a JSON null"),
        (b'"text"', MalformedMessage, "expected a JSON object, got a JSON string"),
        (b'{"value": NaN}', MalformedMessage, "NaN is not a JSON number"),
        (b'{"value": -Infinity}', MalformedMessage, "-Infinity is not a JSON number"),
        (b'{"value": 1e400}', MalformedMessage, "number 1e400 is out of the range of a double"),
        (b"[" * 50_000, MalformedMessage, "not valid JSON: maximum recursion depth"),
        (b'{"taskId": "\\udc00"}', MalformedMessage, "unpaired UTF-16 surrogate"),
        (b"{}", SchemaViolation, "taskId: Field required; taskType: Field required"),
        (_command_with(taskType="PLAN"), SchemaViolation, "taskType: Input should be 'SCHEDULE_HABITS'"),
        (_command_with(taskId=""), SchemaViolation, "taskId: String should have at least 1 character"),
        (_command_with(taskId=7), SchemaViolation, "taskId: Input should be a valid string"),
        (_command_with(payload={"data": {}}), SchemaViolation, "payload.userId: Field required"),
        (
            _command_with(payload={"userId": "u", "data": []}),
            SchemaViolation,
            "payload.data: Input should be",
        ),
        (
            _command_with(priority="URGENT"),
            SchemaViolation,
            "priority: Input should be 'HIGH', 'NORMAL' or 'LOW'",
        ),
    ],
)
def test_bad_input_names_its_problem(data: Any, error: type[MessageError], reason: str) -> None:
    with pytest.raises(error) as caught:
        decode_command(data)
    assert reason in caught.value.reason
    assert caught.value.error_class == error.__name__


def test_reasons_never_quote_values() -> None:
    secret = "jane.doe@example.com"
    data = _command_with(taskId={"mail": secret}, priority=secret, timestamp=secret)
    with pytest.raises(SchemaViolation) as caught:
        decode_command(data)
    assert secret not in caught.value.reason
    assert caught.value.reason.count(";") == 2


def test_many_problems_are_summarized() -> None:
    tasks = [{"id": f"t{i}", "effortMinutes": -1} for i in range(9)]
    payload = {"userId": "u", "data": {"tasks": tasks}}
    with pytest.raises(SchemaViolation) as caught:
        decode_command(_command_with(taskType="OPTIMIZE_SCHEDULE", payload=payload))
    assert caught.value.reason.startswith(
        "payload.data.tasks[0].effortMinutes: Input should be greater than 0"
    )
    assert caught.value.reason.endswith("and 4 more problems")


def test_decode_command_checks_and_keeps_the_typed_data() -> None:
    data = encode(command())
    decoded = decode_command(data)
    assert decoded == command()
    assert decoded.task_data == command().task_data
    assert decode(data, Command).payload.data == json.loads(data)["payload"]["data"]


def _metric_of_size(size: int) -> PerformanceMetric:
    base = PerformanceMetric(
        metric_type="API_LATENCY", value=1.0, unit="ms", labels={"pad": ""}, timestamp=NOW
    )
    padding = size - len(encode(base))
    return base.model_copy(update={"labels": {"pad": "x" * padding}})


def test_the_limit_is_exactly_one_million_bytes_both_ways() -> None:
    at_limit = _metric_of_size(MAX_MESSAGE_BYTES)
    data = encode(at_limit)
    assert len(data) == MAX_MESSAGE_BYTES
    assert decode(data, PerformanceMetric) == at_limit
    with pytest.raises(MessageTooLarge, match="encoded message is 1000001 bytes; the limit is 1000000 bytes"):
        encode(_metric_of_size(MAX_MESSAGE_BYTES + 1))
    with pytest.raises(MessageTooLarge, match="received message is 1000001 bytes"):
        decode(data[:-1] + b" }", PerformanceMetric)


def test_oversize_is_refused_before_parsing() -> None:
    with pytest.raises(MessageTooLarge):
        decode(b"\xff" * (MAX_MESSAGE_BYTES + 1), PerformanceMetric)


def test_encoding_what_json_cannot_hold_is_a_typed_error() -> None:
    metric = _metric_of_size(200).model_copy(update={"unit": "\udc00"})
    with pytest.raises(MalformedMessage, match="PerformanceMetric cannot be written as JSON"):
        encode(metric)
