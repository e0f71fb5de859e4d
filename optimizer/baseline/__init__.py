"""The greedy baseline's parts; `optimizer.greedy.greedy_plan` puts them together."""
