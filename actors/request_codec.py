"""A request's JSON: encoded once to cross to a host in another process, decoded (and checked against
its task type) in the user actor. A model handed over in process is taken as it is."""

from __future__ import annotations

from functools import lru_cache

from pydantic import ValidationError

from actors.kinds import TaskType
from actors.requests import REQUEST_VERSION, Request, ScheduleRequest, SyncRequest

_MODELS: dict[TaskType, type[ScheduleRequest] | type[SyncRequest]] = {
    TaskType.SCHEDULE_HABITS: ScheduleRequest,
    TaskType.OPTIMIZE_SCHEDULE: ScheduleRequest,
    TaskType.SYNC_CALENDAR: SyncRequest,
}


class InvalidRequest(Exception):
    """The request bytes do not hold a valid request for their task type; `reason` says which field."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def encode_request(request: Request) -> bytes:
    # Unset fields stay out, so they are unset again after decoding: the solver tells a time limit the
    # command asked for from the default by `model_fields_set`.
    return request.model_dump_json(exclude_unset=True).encode()


def request_bytes(request: bytes | Request) -> bytes:
    """The request's JSON, to cross to another process. A sync's few fields repeat from command to
    command: each distinct one is encoded once."""
    if isinstance(request, bytes):
        return request
    if isinstance(request, SyncRequest):  # equal models may differ in the fields they set
        return _sync_bytes(request, frozenset(request.model_fields_set))
    return encode_request(request)


@lru_cache(maxsize=1024)
def _sync_bytes(request: SyncRequest, _fields_set: frozenset[str]) -> bytes:
    return encode_request(request)


def decode_request(task_type: TaskType | str, data: bytes | Request) -> Request:
    """The request model for `task_type`; raises `InvalidRequest` naming what is wrong (never values).
    A model handed over in process is taken as it is: ingest built and validated it. A sync's request
    (a few immutable fields, alike from command to command) is decoded once per text."""
    if isinstance(data, ScheduleRequest | SyncRequest):
        return _handed_over(task_type, data)
    if task_type == TaskType.SYNC_CALENDAR and type(data) is bytes and len(data) <= 256:
        return _sync_request(data)
    return _decoded(task_type, data)


def _handed_over(task_type: TaskType | str, request: Request) -> Request:
    model = _model(task_type)
    if type(request) is not model:
        raise InvalidRequest(
            f"a {task_type} request must be a {model.__name__}, not a {type(request).__name__}"
        )
    return request


@lru_cache(maxsize=1024)  # the same frozen model handed out again; a refused one is not remembered
def _sync_request(data: bytes) -> Request:
    return _decoded(TaskType.SYNC_CALENDAR, data)


def _model(task_type: TaskType | str) -> type[ScheduleRequest] | type[SyncRequest]:
    try:
        return _MODELS[TaskType(task_type)]
    except ValueError:
        raise InvalidRequest(
            f"unknown task type {task_type!r}: expected one of {[t.value for t in TaskType]}"
        ) from None


def _decoded(task_type: TaskType | str, data: bytes) -> Request:
    model = _model(task_type)
    try:
        request = model.model_validate_json(data)
    except ValidationError as error:
        raise InvalidRequest(f"invalid {task_type} request: {_describe(error)}") from error
    if request.version != REQUEST_VERSION:
        raise InvalidRequest(f"{task_type} request version {request.version} is not {REQUEST_VERSION}")
    return request


def _describe(error: ValidationError) -> str:
    """Field paths and messages only: inputs may hold personal data and stay out of reasons."""
    problems = (f"{'.'.join(map(str, e['loc'])) or '<root>'}: {e['msg']}" for e in error.errors())
    return "; ".join(list(problems)[:5])
