"""SafeGrid Command Centre."""
