"""The outbox statements both stores share (SQLite and PostgreSQL speak the same SQL here).

`mark` is the driver's parameter placeholder: `?` for sqlite3, `%s` for psycopg. Rows are keyed by
(user_id, task_id), so a replay finds its outcomes in one index lookup; `seq` orders a user's rows.
"""

from __future__ import annotations

from actors.store.base import OutboxBounds


def insert_row(mark: str) -> str:
    values = ", ".join([mark] * 6)
    return (
        "INSERT INTO user_outbox (user_id, task_id, seq, applied_at, outcome_count, outcomes) "
        f"VALUES ({values})"
    )


def select_applied(mark: str) -> str:
    return (
        "SELECT task_id, CASE WHEN outcomes IS NULL THEN 0 ELSE outcome_count END "
        f"FROM user_outbox WHERE user_id = {mark} ORDER BY seq"
    )


def select_record(mark: str) -> str:
    return (
        "SELECT applied_at, outcome_count, outcomes FROM user_outbox "
        f"WHERE user_id = {mark} AND task_id = {mark}"
    )


def trim(mark: str, bounds: OutboxBounds) -> list[tuple[str, int]]:
    """Statements (each takes the user id `params` times) that cut the user's rows to `bounds`: rows
    older than the newest `bounds.commands` go; of the rest, outcomes are let go from the newest row
    whose outcomes, counted from the newest down, pass `bounds.outcomes`, and from every older row,
    except from the newest `bounds.replayable` rows."""
    forget = (
        f"DELETE FROM user_outbox WHERE user_id = {mark} AND seq <= (SELECT seq FROM user_outbox "
        f"WHERE user_id = {mark} ORDER BY seq DESC LIMIT 1 OFFSET {int(bounds.commands)})"
    )
    let_go = (
        f"UPDATE user_outbox SET outcomes = NULL WHERE user_id = {mark} AND outcomes IS NOT NULL "
        "AND seq <= (SELECT MAX(seq) FROM (SELECT seq, SUM(outcome_count) OVER (ORDER BY seq DESC) "
        f"AS newer FROM user_outbox WHERE user_id = {mark} AND outcomes IS NOT NULL) AS kept "
        f"WHERE newer > {int(bounds.outcomes)}) "
        f"AND seq <= (SELECT seq FROM user_outbox WHERE user_id = {mark} ORDER BY seq DESC LIMIT 1 "
        f"OFFSET {int(bounds.replayable)})"
    )
    return [(forget, 2), (let_go, 3)]
