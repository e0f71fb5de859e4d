"""`scheduling-worker bench pipeline` (end to end), `bench floor` (the Kafka part of the trivial mode
alone), `bench work` (the worker's own work in one process) and `bench solver` (the optimizer alone):
benchmarks, commands rather than timed tests."""

from __future__ import annotations

import argparse

from ingest.bench_report import costs, pipeline_table  # plain Python: no Ray or Kafka import
from ingest.pipeline_config import HOSTS_HELP
from ingest.settings import Settings

DESCRIPTION = """\
Drive USERS x COMMANDS planning commands through Kafka -> Ray -> CP-SAT -> Kafka on this machine and
report the maximum rate, p50/p99 end-to-end latency at half that rate, and the ratio to the solver-only
bound. With --trivial, SYNC_CALENDAR commands (no solve) measure the ingest path's own ceiling. It uses
topics, actors and a SQLite store of its own, and removes the topics afterwards."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bench = subparsers.add_parser("bench", help="benchmarks of the running system")
    kinds = bench.add_subparsers(dest="kind", required=True, metavar="KIND")
    pipeline = kinds.add_parser("pipeline", help="end-to-end commands/s and latency", description=DESCRIPTION)
    _sample_options(pipeline, "no solves: the ingest path's ceiling")
    pipeline.add_argument("--time-limit-ms", type=int, default=1000, help="per solve")
    pipeline.add_argument("--hosts", type=int, help=HOSTS_HELP)
    pipeline.add_argument("--ingest-actors", type=int, help="default: one per partition, at most one per CPU")
    pipeline.set_defaults(handler=_pipeline)
    floor = kinds.add_parser(
        "floor",
        help="the trivial mode's commands through one bare consume-produce-commit loop",
        description="Read USERS x COMMANDS trivial commands, answer each with one output and commit, in "
        "one Python process with no Ray, state or validation: the Kafka floor under `bench pipeline "
        "--trivial` on this machine. Topics of its own, removed afterwards.",
    )
    floor.add_argument("--users", type=int, default=2000)
    floor.add_argument("--commands", type=int, default=10, help="commands per user")
    floor.set_defaults(handler=_floor)
    work = kinds.add_parser(
        "work",
        help="the worker's own CPU per command in one process, without Kafka or Ray",
        description="Decode USERS x COMMANDS sample commands, handle them in a shard host (solves answered "
        "from a cache filled beforehand) and write their outputs, all in this process, and report the CPU "
        "of each step per command: `bench pipeline`'s CPU by role, less the cost of separate processes.",
    )
    _sample_options(work, "SYNC_CALENDAR commands, as the pipeline's")
    work.set_defaults(handler=_work)
    solver = kinds.add_parser(
        "solver",
        help="CP-SAT alone on seeded instance families",
        description="Solve seeded instance families on one core and report times, gaps, the cost against "
        "the greedy baseline and validator failures. Options as `python -m optimizer.bench --help`.",
        prefix_chars="+",  # so that every option reaches optimizer.bench's own parser untouched
    )
    solver.add_argument("options", nargs="*", help="passed to optimizer.bench (see --help there)")
    solver.set_defaults(handler=_solver)


def _sample_options(parser: argparse.ArgumentParser, trivial: str) -> None:
    """The sample's shape: users, commands per user, and which commands (`trivial` says what that does)."""
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--commands", type=int, default=5, help="commands per user")
    parser.add_argument("--trivial", action="store_true", help=trivial)
    parser.add_argument("--week", action="store_true", help="plan weeks with 15-25 meetings, not 2 days")


def _solver(args: argparse.Namespace, settings: Settings) -> int:
    from optimizer.bench import main  # only this command needs the solver benchmark

    return main(args.options, prog="scheduling-worker bench solver")


def _floor(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.bench_floor import run_floor
    from ingest.bench_pipeline import local_broker_pid
    from ingest.bench_send import BenchPlan, sample

    records = sample(BenchPlan(args.users, args.commands, trivial=True), "floor")
    result = run_floor(settings, records, local_broker_pid(settings))
    print(f"floor: {result.rate:.0f} commands/s ({result.commands} commands in {result.seconds:.1f} s)")
    print(costs("CPU per command (µs), by role (the benchmark driver is the loop itself):", result.cpu_us))
    return 0


def _work(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.bench_send import BenchPlan, sample
    from ingest.bench_work import work_cost

    plan = BenchPlan(args.users, args.commands, args.trivial, week=args.week)
    cost = work_cost(sample(plan, "work"), solving=not args.trivial)
    print(
        f"{cost.commands} commands, {cost.solves - cost.missed} of {cost.solves} solves answered from a cache"
    )
    print(costs("CPU per command in one process (µs), by step:", cost.us))
    return 0


def _pipeline(args: argparse.Namespace, settings: Settings) -> int:
    import ray  # only this command needs Ray

    from ingest.bench_pipeline import BenchPlan, run_bench
    from ingest.local_ray import connect_ray
    from ingest.run_worker import with_overrides

    settings = with_overrides(settings, args)
    plan = BenchPlan(args.users, args.commands, args.trivial, args.time_limit_ms, week=args.week)
    started = connect_ray()
    try:
        result = run_bench(settings, plan, lambda line: print(line, flush=True))
    finally:
        if started:
            ray.shutdown()
    print(pipeline_table(result, plan))
    return 0
