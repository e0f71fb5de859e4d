"""The spec's consumer session timeout under the KIP-848 group protocol.

With `group.protocol=consumer` the broker, not the client, owns a member's session: librdkafka
refuses `session.timeout.ms`, and the group runs on the broker's default (45 s) unless the group
itself is configured. So the worker sets the group's `consumer.session.timeout.ms` through the admin
API when it starts. Brokers accept it only within their `group.consumer.min.session.timeout.ms` and
`...max...` (45 s and 60 s by default); the local broker lowers the minimum. A refusal is not fatal:
the group then keeps the broker's timeout, and the warning says which broker setting allows the
spec's figure.
"""

from __future__ import annotations

import logging
from typing import Any

from confluent_kafka import KafkaException
from confluent_kafka.admin import AdminClient, AlterConfigOpType, ConfigEntry, ConfigResource, ResourceType

log = logging.getLogger(__name__)

GROUP_SESSION_KEY = "consumer.session.timeout.ms"
TIMEOUT_S = 15.0


def set_group_session_timeout(admin_config: dict[str, Any], group_id: str, timeout_ms: int) -> bool:
    """Sets the group's session timeout; False (and a warning) when the cluster refuses it."""
    entry = ConfigEntry(GROUP_SESSION_KEY, str(timeout_ms), incremental_operation=AlterConfigOpType.SET)
    resource = ConfigResource(ResourceType.GROUP, group_id, incremental_configs=[entry])
    admin = AdminClient(admin_config)
    try:
        for future in admin.incremental_alter_configs([resource], request_timeout=TIMEOUT_S).values():
            future.result(timeout=TIMEOUT_S)
    except (KafkaException, TimeoutError) as error:
        log.warning(
            "group %s keeps its session timeout (the broker's, unless set before): %s=%d was refused "
            "(%s); to allow it, set group.consumer.min.session.timeout.ms <= %d on the brokers",
            group_id, GROUP_SESSION_KEY, timeout_ms, _text(error), timeout_ms,
        )  # fmt: skip
        return False
    return True


def group_session_timeout(admin_config: dict[str, Any], group_id: str) -> int:
    """The session timeout the group's members get, in ms (the broker's when the group has none)."""
    admin = AdminClient(admin_config)
    resource = ConfigResource(ResourceType.GROUP, group_id)
    for future in admin.describe_configs([resource], request_timeout=TIMEOUT_S).values():
        return int(future.result(timeout=TIMEOUT_S)[GROUP_SESSION_KEY].value)
    raise KafkaException(f"no configuration came back for group {group_id}")


def _text(error: BaseException) -> str:
    if isinstance(error, KafkaException) and error.args:
        return str(getattr(error.args[0], "str", lambda: error.args[0])())
    return str(error) or type(error).__name__
