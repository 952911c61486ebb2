"""The knowledge base of well-known entities, its name index and its build script."""
