"""Seeded, realistic instance parts; `optimizer.generate` assembles them into families."""
