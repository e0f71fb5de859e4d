"""The worker's settings: one frozen tree read from defaults, a TOML file and the environment.

Precedence, highest first: keyword arguments, `SCHEDULING_WORKER_*` environment variables
(nested with `__`, e.g. `SCHEDULING_WORKER_KAFKA__PRODUCER__LINGER_MS=10`), the plain
`KAFKA_BOOTSTRAP_SERVERS`, the TOML settings file (`--settings` or `SCHEDULING_WORKER_SETTINGS`),
then the defaults, which are the spec's values.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from actors.settings import ActorSettings
from ingest.broker.settings import DATA_ROOT, BrokerSettings
from ingest.errors import IngestError
from ingest.kafka_settings import KafkaSettings
from ingest.pipeline_config import PipelineSettings

SETTINGS_FILE_ENV = "SCHEDULING_WORKER_SETTINGS"
BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS"


class SettingsError(IngestError):
    """The settings could not be read; the message says which file or value and why."""


class _BootstrapEnv(PydanticBaseSettingsSource):
    """`KAFKA_BOOTSTRAP_SERVERS` without the prefix: the variable every Kafka user knows."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        servers = os.environ.get(BOOTSTRAP_ENV, "").strip()
        return {"kafka": {"bootstrap_servers": servers}} if servers else {}


class Settings(BaseSettings):
    """Root of all settings; features add their own section here."""

    model_config = SettingsConfigDict(
        env_prefix="SCHEDULING_WORKER_", env_nested_delimiter="__", frozen=True, extra="forbid"
    )

    kafka: KafkaSettings
    broker: BrokerSettings = BrokerSettings()
    store_url: str = f"sqlite:///{DATA_ROOT / 'state.sqlite3'}"
    pipeline: PipelineSettings = PipelineSettings()
    actors: ActorSettings = ActorSettings()

    @model_validator(mode="before")
    @classmethod
    def _bootstrap_defaults_to_local_broker(cls, data: Any) -> Any:
        if not isinstance(data, dict) or isinstance(data.get("kafka"), KafkaSettings):
            return data
        kafka = dict(data.get("kafka") or {})
        if not kafka.get("bootstrap_servers"):
            kafka["bootstrap_servers"] = BrokerSettings.model_validate(data.get("broker") or {}).bootstrap
        return {**data, "kafka": kafka}

    @property
    def kafka_is_external(self) -> bool:
        """True when clients point somewhere other than the broker `kafka up` would run."""
        return self.kafka.bootstrap_servers != self.broker.bootstrap

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, settings_cls.model_config.get("toml_file"))
        return init_settings, env_settings, _BootstrapEnv(settings_cls), toml


def load_settings(path: str | None = None) -> Settings:
    """Read the settings, from `path` or `$SCHEDULING_WORKER_SETTINGS` when given."""
    path = path or os.environ.get(SETTINGS_FILE_ENV) or None
    file = Path(path).expanduser() if path else None
    if file is not None and not file.is_file():
        raise SettingsError(f"settings file {file} not found: fix --settings or ${SETTINGS_FILE_ENV}")
    source = f"settings file {file} or the environment" if file else "the environment"
    try:
        return _read(file)
    except ValidationError as error:
        raise SettingsError(f"invalid settings in {source}: {_describe(error)}") from error
    except ValueError as error:  # a TOML syntax error
        raise SettingsError(f"invalid settings in {source}: {error}") from error


def _describe(error: ValidationError) -> str:
    # Without the offending input values: they may be passwords.
    problems = error.errors(include_input=False, include_url=False)
    return "; ".join(f"{'.'.join(map(str, p['loc']))}: {p['msg']}" for p in problems)


def _read(file: Path | None) -> Settings:
    if file is None:
        return Settings()  # bootstrap_servers defaults to the local broker

    # The file path is only known now, while pydantic-settings takes it from the class config.
    class _FromFile(Settings):
        model_config = SettingsConfigDict(toml_file=file)

    loaded = _FromFile()
    return Settings.model_construct(loaded.model_fields_set, **dict(loaded))
