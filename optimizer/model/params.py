"""CP-SAT parameters from the solve options.

- `num_workers` is passed as is: the caller (a Ray task) reserves that many CPUs.
- A fixed `random_seed` makes the result reproducible: the search also stops on deterministic time
  (CP-SAT's work counter) equal to the time limit, and with several workers it is interleaved, which
  CP-SAT keeps deterministic for any worker count. A solve that ends on its own (proven optimal or
  infeasible) or on deterministic time is repeatable; one cut short by the wall clock first is not,
  since the time limit is never exceeded.
- Larger models also ask for interleaved search. On one worker without it CP-SAT (9.15) runs only
  its main subsolver (its log: "1 full problem subsolver: [main]"); with it, one worker takes turns
  between ten full subsolvers and nine LNS ones (its log: "9 interleaved subsolvers"). Within a
  two-second solve, its LNS did no better than ours (`model/lns.py`), which runs after the full
  search.
- Small models skip CP-SAT's presolve: on a week of habits it costs more than the whole search
  (measured: median solve 40 ms with it, 19 ms without, every instance still proven optimal).
  Larger ones keep presolve but skip its probing, which on a two-week schedule took a second and
  delayed the first solution tenfold.
- `search` picks a strategy for one run: "plain" (the default search), "core" (core-based: it
  raises the bound by refuting cores of the objective's terms, which proves the few weeks of habits
  whose plain search stalls on a weak LP bound, e.g. 250 ms down to 70 ms, but is slower on most
  others, so it runs second), or "bound" (the full linear relaxation, `linearization_level` 2, in
  one sequential search: on a two-week schedule it lifts the bound by 5-10% of the objective within
  a few hundred ms, to within 1% of the best bound 60 s of two workers found; interleaved, it got a
  tenth of the time and stayed 8% lower on one of them). Its LP holds every linear constraint from
  the start: added lazily, once violated, the root relaxation of a fortnight took about 1.3 s to
  settle, and the bound search usually gets half a second. It presolves once (four rounds took
  about 0.1 s more for the same bound). "part" is a neighbourhood of our LNS:
  presolved like the full model, so that the pinned blocks drop out, but never interleaved on one
  worker (from the same LNS start on 8 heavy fortnights, 3 seeds each, 1 s of LNS left 0.74 of the
  start's cost at the geometric mean, against 0.78-0.83 interleaved), and in a larger model without
  the linear relaxation (`linearization_level` 0): a neighbourhood's LP slowed its search down more
  than its bound helped (heavy fortnights, paired at 2 s: plans 4-5% cheaper without it; a week of
  work, where it pays, keeps it), nor clause inprocessing and presolve rounds after the first
  (`_cheap_part`: plans 2% cheaper).
"""

from __future__ import annotations

from typing import Literal

from ortools.sat.python import cp_model

from optimizer.domain import SolveOptions

SMALL_MODEL = 120  # blocks; up to this, presolve is skipped
LARGE_MODEL = 200  # blocks; above this the LNS portfolio pays off over plain search

Search = Literal["plain", "core", "bound", "part"]


def solver_for(
    options: SolveOptions, seconds: float, *, blocks: int, search: Search = "plain", work: float | None = None
) -> cp_model.CpSolver:
    """`work`, when given, also stops the search after that much of CP-SAT's deterministic time (a
    count of work done that does not depend on the machine's load), seeded or not."""
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.num_workers = options.num_workers
    params.max_time_in_seconds = max(seconds, 0.001)
    if options.random_seed is not None:
        params.random_seed = options.random_seed
        params.max_deterministic_time = max(seconds, 0.001)
    if work is not None:
        params.max_deterministic_time = min(params.max_deterministic_time, work)
    if blocks <= SMALL_MODEL:
        params.cp_model_presolve = False
    if blocks > SMALL_MODEL:
        params.cp_model_probing_level = 0
    if blocks > LARGE_MODEL or (options.random_seed is not None and options.num_workers > 1):
        params.interleave_search = True
    params.optimize_with_core = search == "core"
    if search == "bound":
        params.linearization_level = 2
        # Every linear constraint in the LP from the start, rather than added once violated: the
        # root relaxation then settles within the bound search's half second instead of about 1.3 s
        # (30 heavy fortnights: the bound at 2 s higher on 29, equal on one).
        params.add_lp_constraints_lazily = False
        # One presolve round: on fortnights 0-11 the bound at 0.4 s was then that of four rounds at
        # 0.5 s on 8, higher on one (+4.9% of the plan) and lower on three (-2.5%, -0.3%, -0.1%);
        # the time saved goes to the LNS (`optimize.FULL_FLOOR`).
        params.max_presolve_iterations = 1
        # On one worker, interleaved, the full relaxation would get a tenth of it. With several,
        # interleaving stays: it is what keeps a seeded portfolio deterministic.
        params.interleave_search = params.interleave_search and options.num_workers > 1
    if search == "part":
        # A neighbourhood of our LNS (`model/lns.py`): on one worker, the main search alone. Taking
        # turns between nineteen subsolvers, a 0.12 s neighbourhood solve got little of any one.
        params.interleave_search = params.interleave_search and options.num_workers > 1
        # In a larger model, no linear relaxation: there a neighbourhood needs plans more than a
        # proof, and without the LP each node is cheaper (from the same LNS starts on 15 heavy
        # fortnights, 1 s of LNS left 0.77 of the start's cost at the geometric mean, against 0.81
        # with CP-SAT's default LP and 0.91 with the full one). On a week of work the LP pays.
        if blocks > SMALL_MODEL:
            params.linearization_level = 0
            _cheap_part(params)
    return solver


def _cheap_part(params: cp_model.SatParameters) -> None:
    """A neighbourhood of a larger model spends much of its time outside the search proper. Replayed
    on 101 neighbourhoods of 8 heavy fortnights (same limits, CPU time, twice), these two took the
    total from 12.8 s to 10.0-10.5 s and proved 179-184 optimal instead of 167-170."""
    # Clause inprocessing (vivification, subsumption) pays on long searches; a neighbourhood's
    # search lasts milliseconds and is over before it helps.
    params.use_sat_inprocessing = False
    # One presolve round: the pinned blocks drop out in the first; later rounds found little.
    params.max_presolve_iterations = 1
