"""Subcommands of the `vigyapti` CLI, discovered by pipelines.cli."""
