"""Kafka client settings: the spec's producer and consumer configuration as typed, frozen values.

Each model emits librdkafka's dotted keys (`linger_ms` -> `linger.ms`). The emitted dicts hold
real secrets because librdkafka needs them: hand them to a client, never to a log. For display
use `KafkaSettings.redacted()`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

ConfigValue = str | int | bool | float
REDACTED = "***"


def dotted(values: dict[str, Any]) -> dict[str, Any]:
    """Field names to librdkafka keys, dropping unset (None) values."""
    return {name.replace("_", "."): value for name, value in values.items() if value is not None}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ProducerSettings(_Frozen):
    """The spec's producer configuration. `extra` passes any other librdkafka key through."""

    acks: str = "all"
    # librdkafka's idempotent producer needs retries > 0; the spec's 3 is honoured as given
    # (librdkafka's own default would be effectively unbounded).
    enable_idempotence: bool = True
    retries: int = Field(default=3, gt=0)
    batch_size: int = 16384
    linger_ms: int = 5
    compression_type: str = "snappy"
    # Keys are userIds and other producers (Java and KafkaJS clients of the API, the frontend, calendar
    # webhooks) write the same topics: with librdkafka's default (CRC32) a user would land on another
    # partition than theirs and lose per-user order. murmur2 is the Java client's choice; the random
    # part only applies to records without a key.
    partitioner: str = "murmur2_random"
    extra: dict[str, ConfigValue] = Field(default_factory=dict)

    def config(self) -> dict[str, ConfigValue]:
        return {**dotted(self.model_dump(exclude={"extra"})), **self.extra}


class ConsumerSettings(_Frozen):
    """The spec's consumer configuration.

    The spec's `max.poll.records` is a Java client key that librdkafka lacks; here it is
    `max_poll_records`, the batch size the consume loop asks for (`Consumer.consume(num_messages=)`),
    and it is deliberately kept out of the librdkafka dict.
    """

    auto_offset_reset: str = "earliest"
    enable_auto_commit: bool = False
    session_timeout_ms: int = 30000
    max_poll_records: int = Field(default=100, gt=0)
    extra: dict[str, ConfigValue] = Field(default_factory=dict)

    def config(self) -> dict[str, ConfigValue]:
        values = self.model_dump(exclude={"extra", "max_poll_records"})
        return {**dotted(values), **self.extra}


class SecuritySettings(_Frozen):
    """SASL/SSL settings passed through to librdkafka unchanged.

    `options` takes any further `sasl.*` or `ssl.*` key (for example `sasl.oauthbearer.client.secret`);
    its values are treated as secrets.
    """

    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: str | None = None
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    ssl_ca_location: str | None = None
    ssl_certificate_location: str | None = None
    ssl_key_location: str | None = None
    ssl_key_password: SecretStr | None = None
    ssl_endpoint_identification_algorithm: str | None = None
    options: dict[str, SecretStr] = Field(default_factory=dict)

    @field_validator("options")
    @classmethod
    def _only_security_keys(cls, options: dict[str, SecretStr]) -> dict[str, SecretStr]:
        stray = [key for key in options if not key.startswith(("sasl.", "ssl."))]
        if stray:
            raise ValueError(f"security options must be sasl.* or ssl.* keys, got {stray}")
        return options

    def config(self, reveal: bool = True) -> dict[str, ConfigValue]:
        def show(value: Any) -> Any:
            if isinstance(value, SecretStr):
                return value.get_secret_value() if reveal else REDACTED
            return value

        fields = {name: show(getattr(self, name)) for name in type(self).model_fields if name != "options"}
        return {**dotted(fields), **{key: show(value) for key, value in self.options.items()}}


class KafkaSettings(_Frozen):
    """Where the cluster is and how clients talk to it."""

    # Filled from the local broker's address when not given (see `Settings`).
    bootstrap_servers: str
    client_id: str = "scheduling-worker"
    security: SecuritySettings = SecuritySettings()
    producer: ProducerSettings = ProducerSettings()
    consumer: ConsumerSettings = ConsumerSettings()

    def _common(self, reveal: bool = True) -> dict[str, ConfigValue]:
        base: dict[str, ConfigValue] = {
            "bootstrap.servers": self.bootstrap_servers,
            "client.id": self.client_id,
        }
        return {**base, **self.security.config(reveal)}

    def producer_config(self) -> dict[str, ConfigValue]:
        return {**self._common(), **self.producer.config()}

    def consumer_config(self, group_id: str) -> dict[str, ConfigValue]:
        return {**self._common(), "group.id": group_id, **self.consumer.config()}

    def admin_config(self) -> dict[str, ConfigValue]:
        # Notices and worse only: a short-lived admin client's informational lines on closing
        # ("Purging 1 unserved events from background queue") say nothing to whoever reads the log.
        return {**self._common(), "log_level": 5}

    def redacted(self) -> dict[str, ConfigValue]:
        """The effective settings for display: every secret replaced by `***`."""
        producer = {f"producer.{k}": v for k, v in self.producer.config().items()}
        consumer = {f"consumer.{k}": v for k, v in self.consumer.config().items()}
        batch = {"consumer.max_poll_records": self.consumer.max_poll_records}
        return {**self._common(reveal=False), **producer, **consumer, **batch}
