"""The CP-SAT building blocks shared by SCHEDULE_HABITS and OPTIMIZE_SCHEDULE.

`context` turns the instance into slots, `blocks` describes what may be placed, `variables` holds the
solver variables, `constraints/` and `objectives/` each add one rule and return its named penalties.
"""
