"""Independent checks of a plan against an instance's hard rules; `optimizer.validate` runs them all."""
