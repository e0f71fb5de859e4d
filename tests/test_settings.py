"""Settings: defaults are the spec's client configuration; env and file override; secrets stay hidden."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from confluent_kafka import Consumer, Producer
from pydantic import ValidationError

from ingest.settings import SettingsError, load_settings

SPEC_PRODUCER = {
    "bootstrap.servers": "127.0.0.1:9092",
    "acks": "all",
    "enable.idempotence": True,
    "retries": 3,
    "batch.size": 16384,
    "linger.ms": 5,
    "compression.type": "snappy",
}
SPEC_CONSUMER = {
    "bootstrap.servers": "127.0.0.1:9092",
    "group.id": "scheduling-worker-primary",
    "auto.offset.reset": "earliest",
    "enable.auto.commit": False,
    "session.timeout.ms": 30000,
}


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see only the variables they set, not those of the shell or scripts/test."""
    for name in os.environ:
        if name.startswith("SCHEDULING_WORKER_") or name == "KAFKA_BOOTSTRAP_SERVERS":
            monkeypatch.delenv(name)


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "settings.toml"
    path.write_text(text)
    return str(path)


def test_producer_defaults_are_the_spec() -> None:
    config = load_settings().kafka.producer_config()
    assert {key: config[key] for key in SPEC_PRODUCER} == SPEC_PRODUCER


def test_consumer_defaults_are_the_spec_with_batch_size_kept_out_of_librdkafka() -> None:
    settings = load_settings()
    config = settings.kafka.consumer_config("scheduling-worker-primary")
    assert {key: config[key] for key in SPEC_CONSUMER} == SPEC_CONSUMER
    assert settings.kafka.consumer.max_poll_records == 100
    assert "max.poll.records" not in config


def test_librdkafka_accepts_every_emitted_key(tmp_path: Path) -> None:
    text = """
    [kafka]
    bootstrap_servers = "127.0.0.1:1"
    [kafka.security]
    security_protocol = "SASL_PLAINTEXT"
    sasl_mechanism = "PLAIN"
    sasl_username = "worker"
    sasl_password = "s3cret"
    """
    kafka = load_settings(write(tmp_path, text)).kafka
    # Construction validates names and values; nothing connects before the first request.
    Producer(kafka.producer_config()).flush(0)
    Consumer(kafka.consumer_config("g")).close()


def test_environment_overrides_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCHEDULING_WORKER_KAFKA__PRODUCER__LINGER_MS", "25")
    monkeypatch.setenv("SCHEDULING_WORKER_KAFKA__CONSUMER__MAX_POLL_RECORDS", "10")
    monkeypatch.setenv("SCHEDULING_WORKER_KAFKA__PRODUCER__EXTRA", '{"queue.buffering.max.ms": 7}')
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "kafka-1.internal:9092")
    settings = load_settings()
    producer = settings.kafka.producer_config()
    assert (producer["linger.ms"], producer["queue.buffering.max.ms"]) == (25, 7)
    assert settings.kafka.consumer.max_poll_records == 10
    assert producer["bootstrap.servers"] == "kafka-1.internal:9092"
    assert settings.kafka_is_external


def test_file_overrides_defaults_and_environment_overrides_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "[kafka.producer]\nlinger_ms = 50\nbatch_size = 1000\n[broker]\nheap = '1g'\n")
    monkeypatch.setenv("SCHEDULING_WORKER_SETTINGS", path)
    monkeypatch.setenv("SCHEDULING_WORKER_KAFKA__PRODUCER__BATCH_SIZE", "2000")
    settings = load_settings()
    assert settings.kafka.producer.linger_ms == 50
    assert settings.kafka.producer.batch_size == 2000
    assert settings.broker.heap == "1g"


def test_broker_port_moves_the_default_bootstrap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCHEDULING_WORKER_BROKER__PORT", "19092")
    settings = load_settings()
    assert settings.kafka.bootstrap_servers == "127.0.0.1:19092"
    assert not settings.kafka_is_external


def test_secrets_never_show_in_repr_or_redacted_view(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = """
    [kafka.security]
    security_protocol = "SASL_SSL"
    sasl_password = "pw-123"
    ssl_key_password = "pw-456"
    """
    monkeypatch.setenv(
        "SCHEDULING_WORKER_KAFKA__SECURITY__OPTIONS", '{"sasl.oauthbearer.client.secret": "pw-789"}'
    )
    settings = load_settings(write(tmp_path, text))
    shown = [repr(settings), str(settings), str(settings.kafka.redacted()), settings.model_dump_json()]
    for secret in ("pw-123", "pw-456", "pw-789"):
        assert not any(secret in text for text in shown)
    redacted = settings.kafka.redacted()
    assert redacted["sasl.password"] == redacted["sasl.oauthbearer.client.secret"] == "***"
    # Clients do get the real values.
    assert settings.kafka.producer_config()["ssl.key.password"] == "pw-456"


def test_settings_are_frozen() -> None:
    settings = load_settings()
    with pytest.raises(ValidationError):
        settings.kafka.producer.linger_ms = 9  # type: ignore[misc]


def test_idempotence_needs_positive_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCHEDULING_WORKER_KAFKA__PRODUCER__RETRIES", "0")
    with pytest.raises(SettingsError, match="retries"):
        load_settings()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[kafka.producer]\nlingr_ms = 5\n", "lingr_ms"),  # a typo is refused, not ignored
        ("[kafka\n", "Expected ']'"),
        ('[kafka.producer]\nlinger_ms = "soon"\n', "linger_ms: Input should be a valid integer"),
    ],
)
def test_bad_settings_file_says_what_is_wrong(tmp_path: Path, text: str, reason: str) -> None:
    with pytest.raises(SettingsError, match=reason):
        load_settings(write(tmp_path, text))


def test_invalid_secret_is_not_echoed_in_the_error(tmp_path: Path) -> None:
    text = '[kafka.security]\noptions = { "bootstrap.servers" = "pw-000" }\n'
    with pytest.raises(SettingsError, match=r"sasl\.\* or ssl\.\*") as raised:
        load_settings(write(tmp_path, text))
    assert "pw-000" not in str(raised.value)


def test_missing_settings_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"nowhere\.toml not found"):
        load_settings(str(tmp_path / "nowhere.toml"))
