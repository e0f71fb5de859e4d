"""Hard rules, one module each; helpers add their limits and return the penalties they imply."""
