"""CP-SAT parameters from the solve options.

- `num_workers` is passed as is: the caller (a Ray task) reserves that many CPUs.
- A fixed `random_seed` makes the result reproducible: the search also stops on deterministic time
  (CP-SAT's work counter) equal to the time limit, and with several workers it is interleaved, which
  CP-SAT keeps deterministic for any worker count. A solve that ends on its own (proven optimal or
  infeasible) or on deterministic time is repeatable; one cut short by the wall clock first is not,
  since the time limit is never exceeded.
- Larger models also ask for interleaved search. On one worker CP-SAT (9.15) still runs only its
  main subsolver (checked in its log: "1 full problem subsolver: [main]", no LNS); the flag
  matters with several workers, and `model/lns.py` runs an LNS of our own.
- Small models skip CP-SAT's presolve: on a week of habits it costs more than the whole search
  (measured: median solve 40 ms with it, 19 ms without, every instance still proven optimal).
  Larger ones keep presolve but skip its probing, which on a two-week schedule took a second and
  delayed the first solution tenfold.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from optimizer.domain import SolveOptions

SMALL_MODEL = 120  # blocks; up to this, presolve is skipped
LARGE_MODEL = 200  # blocks; above this the LNS portfolio pays off over plain search


def solver_for(options: SolveOptions, seconds: float, *, blocks: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.num_workers = options.num_workers
    params.max_time_in_seconds = max(seconds, 0.001)
    if options.random_seed is not None:
        params.random_seed = options.random_seed
        params.max_deterministic_time = max(seconds, 0.001)
    if blocks <= SMALL_MODEL:
        params.cp_model_presolve = False
    if blocks > SMALL_MODEL:
        params.cp_model_probing_level = 0
    if blocks > LARGE_MODEL or (options.random_seed is not None and options.num_workers > 1):
        params.interleave_search = True
    return solver
